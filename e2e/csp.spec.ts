/**
 * The production build's Content-Security-Policy: no inline scripts, and the console works under it
 * (My Programs → Overview → an execution → its log) without a single violation.
 */
import { executionStatus, expect, test } from './fixtures';

/** `script-src 'self'; …` → { 'script-src': ["'self'"], … } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function expectNoInlineScripts(policy: Record<string, string[]>) {
  const scripts = policy['script-src'] ?? policy['default-src'];
  expect(scripts).toEqual(["'self'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'self'"]);
  expect(policy['worker-src']).toEqual(["'self'"]);
}

test('the console sends a CSP without inline scripts and runs under it without violations', async ({ page, openConsole }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  const response = await page.goto('/');
  const header = directives(response?.headers()['content-security-policy'] ?? '');
  expectNoInlineScripts(header);
  expect(header['frame-ancestors']).toEqual(["'none'"]);
  const meta = directives((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '');
  expectNoInlineScripts(meta);
  expect(await page.locator('script:not([src])').count()).toBe(0);

  await openConsole();
  await page.getByRole('link', { name: 'WKND Sites' }).first().click();
  const details = page.getByRole('region', { name: 'Deployment' }).getByRole('link', { name: 'View details' });
  await details.click();
  await expect(page).toHaveURL(/\/execution\/\d+$/);
  await expect(executionStatus(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download build log' }).first().click();
  // the log was read and saved under the policy
  expect(await (await download).failure()).toBeNull();
  // a round trip through the page: a violation the page reported before it has reached us
  await page.evaluate(() => undefined);
  expect(violations).toEqual([]);

  // An inline script is refused for real, not just absent.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
