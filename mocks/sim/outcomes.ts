import type { Outcome, OutcomePreset } from './model';
import type { Rng } from './content/rng';

export const OUTCOME_PRESETS: readonly OutcomePreset[] = [
  'mix',
  'pass',
  'criticalQualityFailure',
  'importantQualityFailure',
  'testFailure',
  'noCustomTests',
  'functionalTestTimeout',
  'uiTestTimeout',
  'stageDeployFailure',
  'prodDeployFailure',
  'auditRegression',
  'auditSteady',
];

const PASS: Outcome = { codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'normal' };

const PRESETS: Record<Exclude<OutcomePreset, 'mix'>, Outcome> = {
  pass: PASS,
  criticalQualityFailure: { ...PASS, codeQuality: 'critical' },
  importantQualityFailure: { ...PASS, codeQuality: 'important' },
  testFailure: { ...PASS, tests: 'functionalTestFailure' },
  noCustomTests: { ...PASS, tests: 'noCustomTests' },
  functionalTestTimeout: { ...PASS, tests: 'functionalTestTimeout' },
  uiTestTimeout: { ...PASS, tests: 'uiTestTimeout' },
  stageDeployFailure: { ...PASS, deploy: 'stageFailure' },
  prodDeployFailure: { ...PASS, deploy: 'prodFailure' },
  auditRegression: { ...PASS, audit: 'regression' },
  auditSteady: { ...PASS, audit: 'steady' },
};

/** A realistic mix: most runs pass; some hold on important metrics; a few fail somewhere. */
function drawMix(rng: Rng): Outcome {
  const roll = rng.next();
  const outcome: Outcome = { ...PASS, codeQuality: rng.chance(0.3) ? 'info' : 'pass' };
  if (roll < 0.14) outcome.codeQuality = 'important';
  else if (roll < 0.18) outcome.codeQuality = 'critical';
  else if (roll < 0.22) outcome.tests = rng.pick(['productTestFailure', 'functionalTestFailure', 'uiTestFailure'] as const);
  else if (roll < 0.25) outcome.deploy = 'stageFailure';
  else if (roll < 0.28) outcome.deploy = 'prodFailure';
  else if (roll < 0.33) outcome.tests = 'noCustomTests';
  const audit = rng.next();
  outcome.audit = audit < 0.15 ? 'regression' : audit < 0.3 ? 'improvement' : 'normal';
  return outcome;
}

export function resolveOutcome(choice: OutcomePreset | Outcome, rng: Rng): Outcome {
  if (typeof choice === 'object') return { ...choice };
  if (choice === 'mix') return drawMix(rng);
  return { ...PRESETS[choice] };
}

export function isOutcome(value: unknown): value is Outcome {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    ['pass', 'critical', 'important', 'info'].includes(v.codeQuality as string) &&
    [
      'pass',
      'productTestFailure',
      'functionalTestFailure',
      'uiTestFailure',
      'noCustomTests',
      'functionalTestTimeout',
      'uiTestTimeout',
    ].includes(v.tests as string) &&
    ['pass', 'stageFailure', 'prodFailure'].includes(v.deploy as string) &&
    ['normal', 'regression', 'improvement', 'steady'].includes(v.audit as string)
  );
}
