/**
 * Test step results (simulator format) and their logs: Adobe's product smoke tests, the customer's
 * functional ITs (JUnit/failsafe output) and the customer's UI tests (WebdriverIO output).
 */
import { LogBuilder, isFailure, isoSeconds, projectInfo } from './log-builder';
import { rngFor, type Rng } from './rng';
import type { ContentContext, LogLine, TestResults } from './types';

type Test = TestResults['tests'][number];

const PRODUCT_TESTS: [string, string[]][] = [
  ['com.adobe.cq.cloud.testing.it.smoke.HealthCheckIT', ['testAuthorHealthCheck', 'testPublishHealthCheck']],
  ['com.adobe.cq.cloud.testing.it.smoke.LoginIT', ['testAuthorLoginPage', 'testAdminLogin']],
  ['com.adobe.cq.cloud.testing.it.smoke.CreatePageAsAuthorUserIT', ['testCreatePageAsAuthor', 'testDeletePageAsAuthor']],
  ['com.adobe.cq.cloud.testing.it.smoke.ReplicationIT', ['testActivateAndDeactivate', 'testActivateAndDeletePage']],
  ['com.adobe.cq.cloud.testing.it.smoke.PublishEndToEndIT', ['testPublishPageEndToEnd']],
  ['com.adobe.cq.cloud.testing.it.smoke.AssetsIT', ['testUploadAsset', 'testAssetRenditions']],
  ['com.adobe.cq.cloud.testing.it.cf.smoke.ContentFragmentsIT', ['testCreateContentFragment', 'testPublishContentFragment']],
  ['com.adobe.cq.cloud.testing.it.smoke.SitesIT', ['testPageRendering', 'testCoreComponentsInstalled']],
  ['com.adobe.cq.cloud.testing.it.smoke.DispatcherIT', ['testDispatcherServesPublishedPage', 'testDispatcherBlocksConsole']],
];

const FUNCTIONAL_TESTS: [string, string[]][] = [
  ['it.tests.PublishPageValidationIT', ['testHomePage', 'testAdventuresPage', 'testMagazinePage', 'testAboutUsPage']],
  ['it.tests.GetPageIT', ['testHomePageAsAuthor', 'testHomePageAsPublish']],
  ['it.tests.CreatePageIT', ['testCreateAndDeletePage']],
  ['it.tests.ContactFormIT', ['testSubmitContactForm']],
  ['it.tests.SitemapIT', ['testSitemapXml', 'testRobotsTxt']],
  ['it.tests.HtmlUnitClientIT', ['testLinksOnHomePage']],
];

const UI_TESTS: [string, string[]][] = [
  ['specs/aem/login.js', ['should be possible to log in to author', 'should show an error for a wrong password']],
  ['specs/aem/sites-console.js', ['should open the Sites console', 'should list the site root']],
  [
    'specs/site/homepage.js',
    ['should render the hero teaser', 'should navigate to the adventures page', 'should open the language navigation'],
  ],
  ['specs/site/search.js', ['should return results for "surf"', 'should show no results for an unknown term']],
  ['specs/site/contact-form.js', ['should validate required fields', 'should submit the form']],
];

const FAILURE_MESSAGES: Record<string, string[]> = {
  productTest: [
    'org.apache.sling.testing.clients.ClientException: Expected HTTP 200 but got 503 for GET /libs/granite/core/content/login.html',
    'java.lang.AssertionError: Page /content/test-site/smoke-page was not replicated to publish within 60000 ms',
    'org.apache.sling.testing.clients.ClientException: Asset /content/dam/test/smoke.png has no rendition cq5dam.thumbnail.48.48.png',
  ],
  functionalTest: [
    'java.lang.AssertionError: expected:<200> but was:<404> for GET /content/{slug}/us/en/adventures.html',
    'org.junit.ComparisonFailure: Page title expected:<[Adventures]> but was:<[Page Not Found]>',
    'org.apache.sling.testing.clients.ClientException: Expected HTTP 200 but got 500 for POST /content/{slug}/us/en/contact/_jcr_content.form.html',
  ],
  uiTest: [
    'Error: element (".cmp-teaser__title") still not displayed after 10000ms',
    'Error: expect(received).toHaveText(expected): expected "Bali Surf Camp" but received ""',
    'Error: Can\'t call click on element with selector "button[type=submit]" because element wasn\'t found',
  ],
};

/** The planned state of a test step: 'none' when it has no tests (custom tests missing). */
function mode(ctx: ContentContext): 'none' | 'fail' | 'pass' {
  const { action } = ctx.step;
  const tests = ctx.execution.sim.outcome.tests;
  if (action !== 'productTest' && (tests === 'noCustomTests' || ctx.step.sim.result === 'INCOMPLETE')) return 'none';
  const matching =
    (action === 'productTest' && tests === 'productTestFailure') ||
    (action === 'functionalTest' && tests === 'functionalTestFailure') ||
    (action === 'uiTest' && tests === 'uiTestFailure');
  return matching || isFailure(ctx) ? 'fail' : 'pass';
}

function catalogue(ctx: ContentContext): [string, string[]][] {
  const { groupId } = projectInfo(ctx);
  if (ctx.step.action === 'productTest') return PRODUCT_TESTS;
  if (ctx.step.action === 'functionalTest') return FUNCTIONAL_TESTS.map(([cls, names]) => [`${groupId}.${cls}`, names]);
  return UI_TESTS;
}

export function testResults(ctx: ContentContext): TestResults {
  const empty: TestResults = { format: 'cloud-manager-simulator/test-results@1', passed: 0, failed: 0, skipped: 0, tests: [] };
  const { action } = ctx.step;
  if (action !== 'productTest' && action !== 'functionalTest' && action !== 'uiTest') return empty;
  const state = mode(ctx);
  if (state === 'none') return empty;
  const rng = rngFor(ctx, 'tests', ctx.step.id);
  const slug = projectInfo(ctx).slug;
  const tests: Test[] = [];
  for (const [className, names] of catalogue(ctx)) {
    for (const name of names) tests.push({ name, className, status: 'passed', durationMs: duration(rng, action) });
  }
  // A few skipped tests (never all of them).
  const skipCount = rng.int(0, action === 'productTest' ? 1 : 2);
  for (const i of rng.sample(
    tests.map((_, index) => index),
    skipCount,
  )) {
    tests[i] = { ...tests[i], status: 'skipped', durationMs: 0 };
  }
  if (state === 'fail') {
    const candidates = tests.map((t, index) => (t.status === 'passed' ? index : -1)).filter((i) => i >= 0);
    const messages = FAILURE_MESSAGES[action];
    rng.sample(candidates, rng.int(1, 3)).forEach((i, k) => {
      tests[i] = { ...tests[i], status: 'failed', message: messages[k % messages.length].replace(/\{slug\}/g, slug) };
    });
  }
  const count = (status: Test['status']) => tests.filter((t) => t.status === status).length;
  return { ...empty, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests };
}

function duration(rng: Rng, action: string): number {
  if (action === 'uiTest') return rng.int(1500, 25_000);
  if (action === 'productTest') return rng.int(800, 60_000);
  return rng.int(200, 9000);
}

export function testLog(ctx: ContentContext): LogLine[] {
  const results = testResults(ctx);
  const { action } = ctx.step;
  const b = new LogBuilder();
  const env = ctx.environment;
  const project = projectInfo(ctx);
  const say = (text: string, weight = 0.3) => b.line((c) => `${isoSeconds(c.now)} ${text}`, weight);
  const title =
    action === 'productTest'
      ? 'Product functional testing'
      : action === 'functionalTest'
        ? 'Custom functional testing'
        : 'Custom UI testing';
  say(`${title} started for execution ${ctx.execution.id}`, 0.5);
  if (env) say(`Target: ${env.name} (author ${env.authorUrl}, publish ${env.publishUrl})`);

  if (mode(ctx) === 'none') {
    if (action === 'functionalTest') {
      say(
        `Looking for a test JAR (*-jar-with-dependencies.jar of an it.tests module) in the build artifacts of execution ${ctx.execution.id}`,
        3,
      );
      say('No custom functional test JAR found: no test classes ending in IT to run.', 2);
    } else {
      say('Looking for a UI test Docker build context (*-ui-test-docker-context.tar.gz) in the build artifacts', 3);
      say('No UI test image found: the ui.tests module is missing or was not built.', 2);
    }
    say(`${title} skipped: no tests to run. Step status: INCOMPLETE.`, 1);
    return b.build(ctx);
  }

  if (action === 'uiTest') uiLog(b, ctx, results, say);
  else
    junitLog(
      b,
      results,
      say,
      action === 'productTest' ? 'aem-cloud-smoke-tests-1.0.34.jar' : `${project.slug}.it.tests-1.0.0-SNAPSHOT-jar-with-dependencies.jar`,
    );

  if (results.failed > 0) say(`[ERROR] ${title} FAILED: ${results.failed} of ${results.tests.length} tests failed.`, 0.5);
  else say(`${title} finished: ${results.passed} passed, ${results.skipped} skipped.`, 0.5);
  return b.build(ctx);
}

type Say = (text: string, weight?: number) => void;

function junitLog(b: LogBuilder, results: TestResults, say: Say, jar: string): void {
  say(`Running tests from ${jar}`, 4);
  b.line('[INFO] -------------------------------------------------------')
    .line('[INFO]  T E S T S')
    .line('[INFO] -------------------------------------------------------');
  const classes = [...new Set(results.tests.map((t) => t.className))];
  for (const cls of classes) {
    const tests = results.tests.filter((t) => t.className === cls);
    const failed = tests.filter((t) => t.status === 'failed');
    const skipped = tests.filter((t) => t.status === 'skipped').length;
    const seconds = tests.reduce((sum, t) => sum + t.durationMs, 0) / 1000;
    b.line(`[INFO] Running ${cls}`, 0.5);
    for (const t of tests) {
      if (t.status === 'passed') b.line(`[INFO]   ✔ ${t.name} (${(t.durationMs / 1000).toFixed(3)} s)`, t.durationMs / 1000);
      else if (t.status === 'skipped') b.line(`[WARNING]   ↷ ${t.name} (skipped)`);
      else b.line(`[ERROR]   ✘ ${t.name} (${(t.durationMs / 1000).toFixed(3)} s)`, t.durationMs / 1000);
    }
    const summary = `Tests run: ${tests.length}, Failures: ${failed.length}, Errors: 0, Skipped: ${skipped}, Time elapsed: ${seconds.toFixed(3)} s`;
    if (failed.length) {
      b.line(`[ERROR] ${summary} <<< FAILURE! -- in ${cls}`);
      for (const t of failed) {
        b.line(`[ERROR] ${cls}.${t.name} -- Time elapsed: ${(t.durationMs / 1000).toFixed(3)} s <<< FAILURE!`)
          .line(t.message ?? 'java.lang.AssertionError')
          .line(`\tat ${cls}.${t.name}(${cls.split('.').pop()}.java:${40 + t.name.length})`);
      }
    } else b.line(`[INFO] ${summary} -- in ${cls}`);
  }
  b.line('[INFO] ').line('[INFO] Results:').line('[INFO] ');
  const failed = results.tests.filter((t) => t.status === 'failed');
  if (failed.length) {
    b.line('[ERROR] Failures: ');
    for (const t of failed) b.line(`[ERROR]   ${t.className.split('.').pop()}.${t.name} ${t.message ?? ''}`);
    b.line('[INFO] ');
  }
  b.line(
    `[${failed.length ? 'ERROR' : 'INFO'}] Tests run: ${results.tests.length}, Failures: ${failed.length}, Errors: 0, Skipped: ${results.skipped}`,
  ).line('[INFO] ');
}

function uiLog(b: LogBuilder, ctx: ContentContext, results: TestResults, say: Say): void {
  const rng = rngFor(ctx, 'ui-log', ctx.step.id);
  say(`Building the UI test image from ${projectInfo(ctx).slug}.ui.tests-1.0.0-SNAPSHOT-ui-test-docker-context.tar.gz`, 6);
  say('Starting Selenium Grid (chrome 120) and the test container', 4);
  b.line('Execution of 5 workers started', 1).line('');
  const specs = [...new Set(results.tests.map((t) => t.className))];
  specs.forEach((spec, worker) => {
    const prefix = `[chrome 120.0 linux #0-${worker}]`;
    const tests = results.tests.filter((t) => t.className === spec);
    b.line(`${prefix} Running: chrome (v120.0) on linux`, 0.5)
      .line(`${prefix} Session ID: ${rng.hex(32)}`)
      .line(`${prefix}`)
      .line(`${prefix} » /${spec}`);
    for (const t of tests) {
      const mark = t.status === 'passed' ? '✓' : t.status === 'failed' ? '✖' : '-';
      b.line(`${prefix}    ${mark} ${t.name}`, t.durationMs / 1000);
    }
    const passing = tests.filter((t) => t.status === 'passed').length;
    const failing = tests.filter((t) => t.status === 'failed');
    b.line(`${prefix}`).line(`${prefix} ${passing} passing (${(tests.reduce((s, t) => s + t.durationMs, 0) / 1000).toFixed(1)}s)`);
    if (tests.some((t) => t.status === 'skipped')) b.line(`${prefix} ${tests.filter((t) => t.status === 'skipped').length} skipped`);
    if (failing.length) {
      b.line(`${prefix} ${failing.length} failing`).line(`${prefix}`);
      failing.forEach((t, i) => b.line(`${prefix} ${i + 1}) ${t.name}`).line(`${prefix} ${t.message ?? 'Error'}`));
    }
    b.line('').line(' ------------------------------------------------------------------');
  });
  const failedSpecs = specs.filter((s) => results.tests.some((t) => t.className === s && t.status === 'failed')).length;
  b.line(
    `Spec Files:\t ${specs.length - failedSpecs} passed${failedSpecs ? `, ${failedSpecs} failed` : ''}, ${specs.length} total (100% completed)`,
    0.5,
  );
}
