import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshAfterAction } from './queries';
import { queryKeys } from './query-keys';
import { consoleSourceFiles } from '../test/source-files';

const HREF = '/api/program/1/pipeline/2/execution/3';

/** One key of every kind the factory makes. */
const everyKind = [
  queryKeys.resource(HREF),
  queryKeys.resource(undefined),
  queryKeys.currentExecution('/api/program/1/pipeline/2/execution'),
  queryKeys.history('/api/program/1/pipeline/2/executions?start=0&limit=21', '3'),
  queryKeys.stepArtifact(`${HREF}/phase/1/step/4/artifacts`, 'SCAN_ISSUES'),
  queryKeys.logRedirect(`${HREF}/phase/1/step/4/logs`),
  queryKeys.logText('http://localhost:3000/files/log.txt'),
  queryKeys.simulatorState(),
  queryKeys.logFollow('/api/program/1/environment/2/logs?service=author&name=aemerror&days=1'),
  queryKeys.reportExecutions('/api/program/1/pipeline/2/executions?start=0&limit=50'),
];

describe('queryKeys', () => {
  it('puts every key under the cm prefix, the href right after it', () => {
    for (const key of everyKind) expect(key[0]).toBe('cm');
    expect(queryKeys.resource(HREF)).toEqual(['cm', HREF]);
    expect(queryKeys.resource(undefined)).toEqual(['cm', 'none']);
  });

  it('tells the readings of one href apart', () => {
    const href = '/api/x';
    const keys = [
      queryKeys.resource(href),
      queryKeys.currentExecution(href),
      queryKeys.history(href, '1'),
      queryKeys.stepArtifact(href, 'SCAN_ISSUES'),
      queryKeys.logRedirect(href),
      queryKeys.logText(href),
      queryKeys.logFollow(href),
      queryKeys.reportExecutions(href),
    ];
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(keys.length);
  });

  it('refreshAfterAction refreshes every kind of key', async () => {
    const client = new QueryClient();
    for (const key of everyKind) client.setQueryData(key, { read: true });
    await refreshAfterAction(client);
    for (const key of everyKind) expect(client.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
  });
});

describe('one key factory', () => {
  it('spells query keys only in src/api/query-keys.ts', () => {
    for (const { file, code } of consoleSourceFiles()) {
      if (file === 'src/api/query-keys.ts') continue;
      expect(code, file).not.toMatch(/queryKey:\s*\[/);
      expect(code, file).not.toMatch(/\[\s*['"`]cm/);
      for (const [line] of code.matchAll(/queryKey:[^\n]*/g)) expect(line, file).toMatch(/^queryKey: queryKeys\./);
    }
  });
});
