// @vitest-environment node
/**
 * scenarios/scenario.schema.json (for editors and other tools) and the simulator's own checker
 * (mocks/sim/scenario.ts) agree: every shipped scenario passes both, and each broken variant
 * below fails both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkScenario } from './sim/scenario';

const FOLDER = fileURLToPath(new URL('../scenarios', import.meta.url));
const schema = JSON.parse(readFileSync(`${FOLDER}/scenario.schema.json`, 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const shipped = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.json') && name !== 'scenario.schema.json')
  .map((name) => [name, JSON.parse(readFileSync(`${FOLDER}/${name}`, 'utf8')) as Record<string, unknown>] as const);

const base = (): Record<string, unknown> => ({
  name: 'base',
  programs: [{ name: 'P', pipelines: [{ name: 'Prod', kind: 'production', approval: true }] }],
  script: [{ program: 'P', pipeline: 'Prod', runs: [{ holds: { approval: { then: 'accept' } } }] }],
});

const BROKEN: [string, (s: Record<string, unknown>) => void][] = [
  ['an unknown top-level field', (s) => (s.colour = 'green')],
  ['no name', (s) => delete s.name],
  ['a clock start that is no date', (s) => (s.clock = { start: 'soon' })],
  ['a speed of 0', (s) => (s.clock = { speed: 0 })],
  ['an unknown outcome', (s) => (s.outcome = 'green')],
  ['an unknown pipeline kind', (s) => ((s.programs as { pipelines: { kind: string }[] }[])[0].pipelines[0].kind = 'staging')],
  [
    'a hold decision that does not exist',
    (s) => (s.script = [{ program: 'P', pipeline: 'Prod', runs: [{ holds: { approval: { then: 'maybe' } } }] }]),
  ],
  ['a failing step that does not exist', (s) => (s.script = [{ program: 'P', pipeline: 'Prod', runs: [{ failAt: { step: 'lint' } }] }])],
  ['a rating that is no letter', (s) => (s.script = [{ program: 'P', pipeline: 'Prod', runs: [{ metrics: { security_rating: 'Z' } }] }])],
  ['an audit score over 100', (s) => (s.script = [{ program: 'P', pipeline: 'Prod', runs: [{ auditScores: { seo: 101 } }] }])],
  [
    'a variable without a value',
    (s) => ((s.programs as { pipelines: { variables: unknown }[] }[])[0].pipelines[0].variables = [{ name: 'ABC' }]),
  ],
  [
    'a variable name with a dash',
    (s) => ((s.programs as { environments: unknown }[])[0].environments = { dev: { variables: [{ name: 'A-B', value: 'v' }] } }),
  ],
  ['a negative delay', (s) => (s.quirks = { delayMs: -1 })],
  ['a maintenance window without its length', (s) => (s.quirks = { maintenance: {} })],
  ['a lower-case unknown status', (s) => (s.quirks = { unknownStepStatus: { action: 'deploy', status: 'odd' } })],
];

describe('scenarios/scenario.schema.json', () => {
  it.each(shipped)('%s is valid for the schema and for the checker', (_name, scenario) => {
    expect(validate(scenario), ajv.errorsText(validate.errors)).toBe(true);
    expect(checkScenario(scenario).problems).toBeUndefined();
  });

  it('the example in docs/scenarios.md (without its comments) is valid for both', () => {
    const doc = readFileSync(fileURLToPath(new URL('../docs/scenarios.md', import.meta.url)), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const scenario = JSON.parse(example.replace(/\s{2,}\/\/[^\n]*/g, '')) as unknown;
    expect(validate(scenario), ajv.errorsText(validate.errors)).toBe(true);
    expect(checkScenario(scenario).problems).toBeUndefined();
  });

  it('a base scenario is valid for both', () => {
    expect(validate(base())).toBe(true);
    expect(checkScenario(base()).problems).toBeUndefined();
  });

  it.each(BROKEN)('%s fails the schema and the checker', (_what, breakIt) => {
    const scenario = base();
    breakIt(scenario);
    expect(validate(scenario)).toBe(false);
    expect(checkScenario(scenario).problems?.length).toBeGreaterThan(0);
  });
});
