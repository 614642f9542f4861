/**
 * A test step's results (simulator extension: the step's UI_TEST_RESULTS artifact, format
 * "cloud-manager-simulator/test-results@1"), read defensively: it is data from the API.
 */

export interface TestCase {
  name: string;
  className: string;
  status: 'passed' | 'failed' | 'skipped' | string;
  durationMs?: number;
  message?: string;
}

export interface TestResults {
  format?: string;
  passed: number;
  failed: number;
  skipped: number;
  tests: TestCase[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** The results with every field present: counts from the file, or counted from its tests. */
export function readTestResults(value: unknown): TestResults {
  const file = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const tests: TestCase[] = (Array.isArray(file.tests) ? file.tests : [])
    .filter((t): t is Record<string, unknown> => t !== null && typeof t === 'object')
    .map((t) => ({
      name: text(t.name),
      className: text(t.className),
      status: text(t.status),
      durationMs: typeof t.durationMs === 'number' ? t.durationMs : undefined,
      message: t.message === undefined ? undefined : text(t.message),
    }));
  const count = (key: 'passed' | 'failed' | 'skipped') =>
    typeof file[key] === 'number' ? (file[key] as number) : tests.filter((t) => t.status === key).length;
  return {
    format: typeof file.format === 'string' ? file.format : undefined,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    tests,
  };
}

/** "12 passed, 1 failed, 0 skipped". */
export function testCounts(results: TestResults): string {
  return `${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`;
}

export const failingTests = (results: TestResults): TestCase[] => results.tests.filter((t) => t.status === 'failed');

export const hasNoTests = (results: TestResults): boolean =>
  results.tests.length === 0 && results.passed + results.failed + results.skipped === 0;
