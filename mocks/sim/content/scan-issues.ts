/**
 * The code scan's issue list (the "Download Details" CSV). The list agrees with the metrics:
 * its length is open_issues; the worst vulnerability gives the security rating and the worst bug
 * the reliability rating (A none, B Minor, C Major, D Critical, E Blocker).
 */
import { isoSeconds, projectInfo, stepStart } from './log-builder';
import { qualityPlan, type Rating } from './quality-plan';
import { rngFor, type Rng } from './rng';
import type { ContentContext, ScanIssue } from './types';

type Sev = ScanIssue['severity'];

interface Rule {
  rule: string;
  type: ScanIssue['type'];
  severity: Sev;
  effort: string;
  tags: string;
  message: (rng: Rng, slug: string) => string;
}

const CUSTOM_RULES_DOC =
  'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/using-cloud-manager/test-results/custom-code-quality-rules';

const RULES: Rule[] = [
  {
    rule: 'java:S1192',
    type: 'Code Smell',
    severity: 'Critical',
    effort: '10min',
    tags: 'design',
    message: (r, slug) =>
      `Define a constant instead of duplicating this literal "${r.pick([`${slug}/components/page`, 'jcr:title', 'sling:resourceType', 'text/html', 'fileReference'])}" ${r.int(3, 7)} times.`,
  },
  {
    rule: 'java:S1118',
    type: 'Code Smell',
    severity: 'Major',
    effort: '5min',
    tags: 'design',
    message: () => 'Add a private constructor to hide the implicit public one.',
  },
  {
    rule: 'java:S106',
    type: 'Code Smell',
    severity: 'Major',
    effort: '10min',
    tags: 'bad-practice,cert',
    message: () => 'Replace this use of System.out or System.err by a logger.',
  },
  {
    rule: 'java:S112',
    type: 'Code Smell',
    severity: 'Major',
    effort: '20min',
    tags: 'cert,cwe,error-handling',
    message: () => 'Define and throw a dedicated exception instead of using a generic one.',
  },
  {
    rule: 'java:S1135',
    type: 'Code Smell',
    severity: 'Info',
    effort: '0min',
    tags: 'cwe',
    message: () => 'Complete the task associated to this "TODO" comment.',
  },
  {
    rule: 'java:S3776',
    type: 'Code Smell',
    severity: 'Critical',
    effort: '12min',
    tags: 'brain-overload',
    message: (r) => {
      const c = r.int(16, 34);
      return `Refactor this method to reduce its Cognitive Complexity from ${c} to the 15 allowed.`;
    },
  },
  {
    rule: 'java:S1068',
    type: 'Code Smell',
    severity: 'Major',
    effort: '5min',
    tags: 'unused',
    message: (r) => `Remove this unused "${r.pick(['LOG', 'resolverFactory', 'currentPage', 'request'])}" private field.`,
  },
  {
    rule: 'java:S1481',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '5min',
    tags: 'unused',
    message: (r) => `Remove this unused "${r.pick(['path', 'node', 'session', 'tagManager', 'i'])}" local variable.`,
  },
  {
    rule: 'java:S125',
    type: 'Code Smell',
    severity: 'Major',
    effort: '5min',
    tags: 'unused',
    message: () => 'This block of commented-out lines of code should be removed.',
  },
  {
    rule: 'java:S1172',
    type: 'Code Smell',
    severity: 'Major',
    effort: '5min',
    tags: 'unused',
    message: (r) => `Remove this unused method parameter "${r.pick(['request', 'response', 'resource', 'properties'])}".`,
  },
  {
    rule: 'java:S1488',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '2min',
    tags: 'clumsy',
    message: (r) =>
      `Immediately return this expression instead of assigning it to the temporary variable "${r.pick(['result', 'title', 'url'])}".`,
  },
  {
    rule: 'java:S2259',
    type: 'Bug',
    severity: 'Major',
    effort: '10min',
    tags: 'cert,cwe',
    message: (r) =>
      `A "NullPointerException" could be thrown; "${r.pick(['resource', 'page', 'properties', 'imageResource'])}" is nullable here.`,
  },
  {
    rule: 'java:S2095',
    type: 'Bug',
    severity: 'Blocker',
    effort: '5min',
    tags: 'cert,cwe,denial-of-service,leak',
    message: () => 'Use try-with-resources or close this "ResourceResolver" in a "finally" clause.',
  },
  {
    rule: 'java:S2589',
    type: 'Bug',
    severity: 'Major',
    effort: '10min',
    tags: 'cert,cwe,pitfall,redundant,suspicious',
    message: () => 'Remove this expression which always evaluates to "true"',
  },
  {
    rule: 'java:S2142',
    type: 'Bug',
    severity: 'Major',
    effort: '15min',
    tags: 'multi-threading',
    message: () => 'Either re-interrupt this method or rethrow the "InterruptedException" that can be caught here.',
  },
  {
    rule: 'java:S2068',
    type: 'Vulnerability',
    severity: 'Blocker',
    effort: '30min',
    tags: 'cert,cwe,owasp-a2,sans-top25-porous',
    message: () => "'password' detected in this expression, review this potentially hard-coded credential.",
  },
  {
    rule: 'java:S5131',
    type: 'Vulnerability',
    severity: 'Blocker',
    effort: '30min',
    tags: 'cwe,owasp-a7,sans-top25-insecure',
    message: () => 'Change this code to not reflect user-controlled data.',
  },
  {
    rule: 'java:S2245',
    type: 'Vulnerability',
    severity: 'Critical',
    effort: '10min',
    tags: 'cwe,owasp-a3',
    message: () => 'Make sure that using this pseudorandom number generator is safe here.',
  },
  {
    rule: 'CQRules:CWE-676',
    type: 'Vulnerability',
    severity: 'Major',
    effort: '5min',
    tags: 'cwe,security',
    message: () => 'Do not use potentially dangerous functions: Thread.stop()',
  },
  {
    rule: 'CQRules:CWE-134',
    type: 'Vulnerability',
    severity: 'Major',
    effort: '5min',
    tags: 'cwe,security',
    message: () => 'Do not use format strings which may be externally controlled',
  },
  {
    rule: 'CQRules:ConnectionTimeoutMechanism',
    type: 'Bug',
    severity: 'Critical',
    effort: '15min',
    tags: 'aem,timeout',
    message: () => 'HTTP requests should always have socket and connect timeouts',
  },
  {
    rule: 'CQRules:CQBP-71',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '5min',
    tags: 'aem,paths',
    message: () => 'Hardcoded /apps and /libs paths should not be used',
  },
  {
    rule: 'CQRules:CQBP-44---CatchAndEitherLogOrThrow',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '5min',
    tags: 'aem,logging',
    message: () => 'Catch and either log or throw, do not do both',
  },
  {
    rule: 'CQRules:CQBP-44---ExceptionPrintStackTrace',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '5min',
    tags: 'aem,logging',
    message: () => 'Do not print stack traces to the console; use a logger',
  },
  {
    rule: 'CQRules:CQBP-44---LogInfoInGetOrHeadRequests',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '5min',
    tags: 'aem,logging',
    message: () => 'Avoid logging at INFO in GET or HEAD requests',
  },
  {
    rule: 'CQRules:CQBP-84',
    type: 'Bug',
    severity: 'Minor',
    effort: '15min',
    tags: 'aem,deprecated',
    message: (r) =>
      `Do not use the deprecated AEM API ${r.pick(['com.day.cq.wcm.api.WCMMode#fromRequest', 'org.apache.sling.commons.json.JSONObject', 'com.day.cq.commons.Externalizer#absoluteLink'])}`,
  },
  {
    rule: 'CQRules:AMSCORE-553',
    type: 'Code Smell',
    severity: 'Minor',
    effort: '10min',
    tags: 'aem,deprecated',
    message: () => 'Usage of the Sling scheduler should be avoided in favour of Sling jobs',
  },
];

const FILES = [
  'models/impl/BylineImpl',
  'models/impl/HelloWorldModelImpl',
  'models/impl/ImageListImpl',
  'models/impl/ArticleTeaserImpl',
  'models/impl/NavigationImpl',
  'models/impl/ContactFormImpl',
  'models/Byline',
  'servlets/SimpleServlet',
  'servlets/SitemapServlet',
  'servlets/ContactFormServlet',
  'filters/LoggingFilter',
  'listeners/SimpleResourceListener',
  'schedulers/SimpleScheduledTask',
  'services/impl/AdventureServiceImpl',
  'services/impl/ExternalApiClientImpl',
  'utils/LinkUtils',
  'utils/ImageUtils',
];

const SEVERITY_ORDER: Sev[] = ['Info', 'Minor', 'Major', 'Critical', 'Blocker'];
/** The severity of the worst issue that gives `rating` (undefined for A: no such issue). */
const RATING_SEVERITY: Record<Rating, Sev | undefined> = { A: undefined, B: 'Minor', C: 'Major', D: 'Critical', E: 'Blocker' };

function documentation(rule: string): string {
  if (rule.startsWith('java:S')) return `https://rules.sonarsource.com/java/RSPEC-${rule.slice('java:S'.length)}`;
  return CUSTOM_RULES_DOC;
}

/** Caps `severity` so that a vulnerability or bug does not worsen the planned rating. */
function capped(severity: Sev, worst: Sev | undefined): Sev | undefined {
  if (!worst) return undefined;
  return SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst) ? worst : severity;
}

export function scanIssues(ctx: ContentContext): ScanIssue[] {
  const plan = qualityPlan(ctx);
  const rng = rngFor(ctx, 'scan-issues');
  const project = projectInfo(ctx);
  const start = stepStart(ctx);
  const worstVulnerability = RATING_SEVERITY[plan.security];
  const worstBug = RATING_SEVERITY[plan.reliability];

  const picked: { rule: Rule; severity: Sev }[] = [];
  const ofType = (type: ScanIssue['type']) => RULES.filter((r) => r.type === type);
  if (worstVulnerability) picked.push({ rule: rng.pick(ofType('Vulnerability')), severity: worstVulnerability });
  if (worstBug) picked.push({ rule: rng.pick(ofType('Bug')), severity: worstBug });
  while (picked.length < plan.openIssues) {
    const rule = rng.pick(RULES);
    if (rule.type === 'Code Smell') picked.push({ rule, severity: rule.severity });
    else {
      const severity = capped(rule.severity, rule.type === 'Bug' ? worstBug : worstVulnerability);
      picked.push(severity ? { rule, severity } : { rule: rng.pick(ofType('Code Smell')), severity: 'Major' });
    }
  }

  return rng.sample(picked, picked.length).map(({ rule, severity }) => {
    const file = rng.pick(FILES);
    const relative = `src/main/java/${project.packagePath}/core/${file}.java`;
    return {
      creationDate: isoSeconds(start - rng.int(0, 90) * 86_400_000 - rng.int(0, 86_399) * 1000),
      fileLocation: `${project.groupId}:${project.slug}.core:${relative}`,
      projectFileLocation: `core/${relative}`,
      lineNumber: rng.int(12, 240),
      message: rule.message(rng, project.slug),
      type: rule.type,
      severity,
      effort: rule.effort,
      rule: rule.rule,
      tags: rule.tags,
      documentation: documentation(rule.rule),
    };
  });
}

export const SCAN_CSV_HEADER =
  'Creation Date,File Location,Project File Location,Line Number,Message,Type,Severity,Effort,Rule,Tags,Documentation';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The issues as CSV (RFC 4180, CRLF line ends, a header row first). */
export function renderScanIssuesCsv(issues: ScanIssue[]): string {
  const rows = issues.map((i) =>
    [
      i.creationDate,
      i.fileLocation,
      i.projectFileLocation,
      i.lineNumber,
      i.message,
      i.type,
      i.severity,
      i.effort,
      i.rule,
      i.tags,
      i.documentation,
    ]
      .map(csvField)
      .join(','),
  );
  return [SCAN_CSV_HEADER, ...rows].join('\r\n') + '\r\n';
}
