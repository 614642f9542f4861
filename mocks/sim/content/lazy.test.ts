/**
 * The embedded simulator's content generators (issue #17): the log and artifact generators load on
 * first use, and the API's file routes wait for them, so a log read first thing still answers.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/app';
import { hrefs } from '../../api/hrefs';
import { Simulator } from '../simulator';
import { content } from './index';
import { lazyContent } from './lazy';

const ORIGIN = 'http://localhost:8787';

describe('Lazy content generators', () => {
  it('answers a log and a scan report read before the generators loaded, with the text the eager ones give', async () => {
    const simulator = new Simulator({ seed: 1, content: lazyContent, wallClock: () => Date.UTC(2026, 10, 28, 9) });
    const execution = simulator.state.executions.find((e) => e.status === 'FINISHED' && e.steps.some((s) => s.action === 'codeQuality'));
    const quality = execution?.steps.find((s) => s.action === 'codeQuality');
    if (!execution || !quality) throw new Error('seed 1 has no finished run with code quality');
    const ctx = simulator.engine.context(execution, quality);
    // Not loaded yet: what every request needs works, the log generator does not.
    expect(lazyContent.codeQualityMetrics(ctx)).toEqual(content.codeQualityMetrics(ctx));
    expect(() => lazyContent.logLines(ctx, 'main')).toThrow(/not loaded/);

    const api = createApi(simulator);
    const files = hrefs('standard');
    const log = await api.handle(new Request(ORIGIN + files.logFile(execution.id, quality.id, 'main')));
    expect(log.status).toBe(200);
    const text = await log.text();
    expect(text).toContain(content.logLines(ctx, 'main')?.[0]?.text);
    const scan = await api.handle(new Request(`${ORIGIN}${files.artifactFile(execution.id, quality.id, `${quality.id}-scan`)}`));
    expect(scan.status).toBe(200);
    expect(lazyContent.scanIssues(ctx)).toEqual(content.scanIssues(ctx));
  });
});
