// @vitest-environment node
/** Pipelines you configure, in the engine: their settings honoured by the runs, variables, the build cache, On Git Changes. */
import { describe, expect, it } from 'vitest';
import { content } from './content';
import { DomainError } from './errors';
import { push } from './git';
import { upgradeState } from './migrate';
import { STATE_VERSION, type Execution, type SimState } from './model';
import { addPipeline, deletePipeline, editPipeline, invalidateBuildCache, type PipelineInput } from './pipeline-config';
import { patchVariables } from './variables';
import type { Simulation } from './engine';
import {
  SUMMIT,
  WKND,
  isOver,
  isWaitingAt,
  newSimulation,
  refusal,
  runToCompletion,
  runUntil,
  startRun,
  stepLog,
  stepOf,
  waitingStep,
} from './test-helpers';

/** Summit Launch's production pipeline as the console's Add dialog sends it. */
function summitProduction(
  overrides: { holds?: ('approval' | 'schedule')[]; pages?: string[]; behavior?: 'ASK' | 'FAIL' | 'CONTINUE' } = {},
) {
  const input: PipelineInput = {
    name: 'Summit Production',
    trigger: 'MANUAL',
    phases: [
      {
        type: 'BUILD',
        repositoryId: SUMMIT.repositoryId,
        branch: 'main',
        steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: overrides.behavior ?? 'ASK' } }],
      },
      { type: 'DEPLOY', environmentId: SUMMIT.stage, steps: [{ name: 'contentAudit', options: { pages: overrides.pages ?? [] } }] },
      {
        type: 'DEPLOY',
        environmentId: SUMMIT.prod,
        steps: [...(overrides.holds ?? []).map((name) => ({ name })), { name: 'deploy' as const }],
      },
    ],
  };
  return input;
}

const logText = stepLog;

const buildLog = (sim: Simulation, execution: Execution) => logText(sim, execution, stepOf(execution, 'build'));

describe('a pipeline you add', () => {
  it('runs with an approval step and no schedule step when configured with approval only', () => {
    const { sim, clock } = newSimulation();
    const pipeline = addPipeline(sim, SUMMIT.programId, summitProduction({ holds: ['approval'] }), clock.now);
    expect(pipeline.sim.kind).toBe('production');
    expect(pipeline.phases.map((p) => `${p.type}:${p.environmentType ?? ''}:${p.steps.map((s) => s.name).join(',')}`)).toEqual([
      'VALIDATE::validate',
      'BUILD::build,codeQuality,buildImage',
      'DEPLOY:stage:deploy,productTest,functionalTest,uiTest,contentAudit',
      'DEPLOY:prod:approval,deploy',
    ]);
    const execution = startRun(sim, clock, SUMMIT.programId, pipeline.id);
    const actions = execution.steps.map((s) => s.action);
    expect(actions).toContain('approval');
    expect(actions).not.toContain('schedule');
    runUntil(sim, clock, isWaitingAt(execution, 'approval'));
    sim.advance(execution, waitingStep(execution)!, { kind: 'approve' }, clock.now);
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FINISHED');
  });

  it('without holds deploys to production straight after the stage tests', () => {
    const { sim, clock } = newSimulation();
    const pipeline = addPipeline(sim, SUMMIT.programId, summitProduction(), clock.now);
    const execution = startRun(sim, clock, SUMMIT.programId, pipeline.id);
    expect(execution.steps.filter((s) => s.environmentType === 'prod').map((s) => s.action)).toEqual(['deploy']);
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FINISHED');
  });

  it('adds the stage phase from the program when only prod is listed, and refuses a second production pipeline', () => {
    const { sim, clock } = newSimulation();
    const input = summitProduction();
    input.phases = input.phases!.filter((p) => p.environmentId !== SUMMIT.stage);
    const pipeline = addPipeline(sim, SUMMIT.programId, input, clock.now);
    expect(pipeline.phases.find((p) => p.environmentType === 'stage')?.environmentId).toBe(SUMMIT.stage);
    const before = structuredClone(sim.state);
    const error = refusal(() => addPipeline(sim, SUMMIT.programId, { ...input, name: 'Another' }, clock.now));
    expect(error.errors).toEqual(['One full-stack production pipeline per program.']);
    expect(sim.state).toEqual(before);
  });

  it('takes a DEPLOY phase named by its environment type alone (the program’s environment of that type)', () => {
    const { sim, clock } = newSimulation();
    const input = summitProduction({ pages: ['/launch.html'] });
    input.phases![1] = {
      type: 'DEPLOY',
      environmentType: 'stage',
      steps: [{ name: 'contentAudit', options: { pages: ['/launch.html'] } }],
    };
    const pipeline = addPipeline(sim, SUMMIT.programId, input, clock.now);
    expect(pipeline.phases.find((p) => p.environmentType === 'stage')?.environmentId).toBe(SUMMIT.stage);
    expect(pipeline.sim.auditPages).toEqual(['/launch.html']);
  });

  it('audits exactly the configured pages, and a run keeps the pages it ran with', () => {
    const { sim, clock } = newSimulation();
    const pipeline = addPipeline(sim, SUMMIT.programId, summitProduction({ pages: ['/en.html', '/en/news.html'] }), clock.now);
    const execution = startRun(sim, clock, SUMMIT.programId, pipeline.id);
    runUntil(sim, clock, isOver(execution));
    const audit = stepOf(execution, 'contentAudit');
    const pagesOf = () => {
      const results = content.auditResults(sim.context(execution, audit));
      return [...results.pages.map((p) => p.path), ...results.failedPages.map((p) => p.path)].sort();
    };
    expect(pagesOf()).toEqual(['/en.html', '/en/news.html']);
    editPipeline(
      sim,
      pipeline,
      { phases: [{ type: 'DEPLOY', environmentId: SUMMIT.stage, steps: [{ name: 'contentAudit', options: { pages: [] } }] }] },
      clock.now,
    );
    expect(pagesOf()).toEqual(['/en.html', '/en/news.html']);
    const next = startRun(sim, clock, SUMMIT.programId, pipeline.id);
    runUntil(sim, clock, isOver(next));
    const home = content.auditResults(sim.context(next, stepOf(next, 'contentAudit')));
    expect(home.pages.map((p) => p.path)).toEqual(['/']);
  });

  it('follows the important metric failures behaviour set on its codeQuality step: fail, or continue', () => {
    for (const [behavior, step, run] of [
      ['FAIL', 'FAILED', 'FAILED'],
      ['CONTINUE', 'FINISHED', 'FINISHED'],
    ] as const) {
      const { sim, clock } = newSimulation();
      const pipeline = addPipeline(sim, SUMMIT.programId, summitProduction({ behavior: 'ASK' }), clock.now);
      editPipeline(
        sim,
        pipeline,
        { phases: [{ type: 'BUILD', steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: behavior } }] }] },
        clock.now,
      );
      const execution = startRun(sim, clock, SUMMIT.programId, pipeline.id, 'importantQualityFailure');
      runUntil(sim, clock, () => stepOf(execution, 'codeQuality').finishedAt !== undefined || waitingStep(execution) !== undefined);
      const scan = stepOf(execution, 'codeQuality');
      expect(scan.status).toBe(step);
      const overridden = sim.metrics(execution, scan)!.filter((m) => m.override);
      expect(overridden.length > 0).toBe(behavior === 'CONTINUE');
      runUntil(sim, clock, isOver(execution));
      expect(execution.status).toBe(run);
    }
  });
});

describe('a code quality pipeline', () => {
  it('never holds: important failures are reported, not overridden, and the run finishes', () => {
    const { sim, clock } = newSimulation();
    const pipeline = sim.pipeline(WKND.programId, WKND.quality);
    pipeline.sim.importantMetricsBehavior = 'ASK';
    const execution = startRun(sim, clock, WKND.programId, WKND.quality, 'importantQualityFailure');
    runUntil(sim, clock, isOver(execution));
    expect(execution.status).toBe('FINISHED');
    const scan = stepOf(execution, 'codeQuality');
    expect(scan.status).toBe('FINISHED');
    expect(execution.steps.some((s) => s.status === 'WAITING')).toBe(false);
    const metrics = sim.metrics(execution, scan)!;
    expect(metrics.some((m) => m.severity === 'important' && !m.passed && !m.override)).toBe(true);
    expect(metrics.some((m) => m.override)).toBe(false);
    expect(logText(sim, execution, scan)).toContain('A code quality pipeline does not hold on them');
  });
});

describe('editing a pipeline', () => {
  it('builds the new branch from the next run on; a recorded run keeps the branch it built', () => {
    const { sim, clock } = newSimulation();
    const first = startRun(sim, clock, WKND.programId, WKND.production);
    runToCompletion(sim, clock, first);
    const pipeline = sim.pipeline(WKND.programId, WKND.production);
    editPipeline(sim, pipeline, { phases: [{ type: 'BUILD', branch: 'release/2026.11' }] }, clock.now);
    const next = startRun(sim, clock, WKND.programId, WKND.production);
    expect(stepOf(next, 'build').branch).toBe('release/2026.11');
    expect(stepOf(next, 'codeQuality').branch).toBe('release/2026.11');
    expect(buildLog(sim, next)).toContain('(branch release/2026.11)');
    expect(stepOf(first, 'build').branch).toBe('main');
    expect(pipeline.phases.find((p) => p.type === 'BUILD')?.repositoryId).toBe('201');
  });

  it('sets the holds to exactly those listed in the production phase, and keeps them without steps', () => {
    const { sim, clock } = newSimulation();
    const pipeline = sim.pipeline(WKND.programId, WKND.production);
    const prodSteps = () => pipeline.phases.find((p) => p.environmentType === 'prod')!.steps.map((s) => s.name);
    editPipeline(sim, pipeline, { phases: [{ type: 'DEPLOY', name: 'DEPLOY_PROD', steps: [{ name: 'schedule' }] }] }, clock.now);
    expect(prodSteps()).toEqual(['schedule', 'deploy']);
    editPipeline(sim, pipeline, { name: 'Renamed', phases: [{ type: 'DEPLOY', environmentType: 'prod' }] }, clock.now);
    expect(prodSteps()).toEqual(['schedule', 'deploy']);
    expect(pipeline.name).toBe('Renamed');
  });

  it('is refused while the pipeline runs (busy), and so is deleting it; nothing changes', () => {
    const { sim, clock } = newSimulation();
    startRun(sim, clock, WKND.programId, WKND.production);
    const pipeline = sim.pipeline(WKND.programId, WKND.production);
    const before = structuredClone(sim.state);
    expect(refusal(() => editPipeline(sim, pipeline, { name: 'x' }, clock.now)).code).toBe('busy');
    expect(refusal(() => deletePipeline(sim, pipeline, clock.now)).code).toBe('busy');
    expect(refusal(() => patchVariables(sim, pipeline, [{ name: 'A_B', value: 'x' }], clock.now)).code).toBe('busy');
    expect(sim.state).toEqual(before);
  });
});

describe('deleting a pipeline', () => {
  it('removes it and its executions; a later pipeline never gets its id', () => {
    const { sim, clock } = newSimulation();
    const added = addPipeline(
      sim,
      WKND.programId,
      { name: 'Feature QA', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'develop' }] },
      clock.now,
    );
    expect(added.id).toBe('104');
    expect(added.sim.kind).toBe('codeQuality');
    deletePipeline(sim, added, clock.now);
    deletePipeline(sim, sim.pipeline(WKND.programId, WKND.quality), clock.now);
    expect(sim.state.executions.some((e) => e.pipelineId === WKND.quality)).toBe(false);
    expect(() => sim.pipeline(WKND.programId, WKND.quality)).toThrow(DomainError);
    const again = addPipeline(
      sim,
      WKND.programId,
      { name: 'Feature QA', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'develop' }] },
      clock.now,
    );
    expect(again.id).toBe('105');
  });
});

describe('On Git Changes', () => {
  it('starts every ON_COMMIT pipeline of the pushed branch once, with that commit; a running one is listed busy', () => {
    const { sim, clock } = newSimulation();
    // A second ON_COMMIT pipeline on develop, and one on main that must not start.
    const watcher = addPipeline(
      sim,
      WKND.programId,
      { name: 'Develop QA', trigger: 'ON_COMMIT', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'develop' }] },
      clock.now,
    );
    addPipeline(
      sim,
      WKND.programId,
      { name: 'Main QA', trigger: 'ON_COMMIT', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'main' }] },
      clock.now,
    );
    const count = sim.state.executions.length;
    clock.now += 1000;
    const pushed = push(
      sim,
      { programId: WKND.programId, repositoryId: '201', branch: 'develop', message: 'Add the search page' },
      clock.now,
    );
    expect(pushed.started.map((s) => s.pipelineId).sort()).toEqual([WKND.dev, watcher.id].sort());
    expect(pushed.busy).toEqual([]);
    expect(sim.state.executions.length).toBe(count + 2);
    for (const { executionId, pipelineId } of pushed.started) {
      const execution = sim.execution(WKND.programId, pipelineId, executionId);
      expect(execution.trigger).toBe('ON_COMMIT');
      expect(execution.user).toBe('');
      expect(execution.sim.commitId).toBe(pushed.commitId);
      expect(stepOf(execution, 'build').commitId).toBe(pushed.commitId);
      expect(stepOf(execution, 'build').branch).toBe('develop');
      runUntil(sim, clock, () => stepOf(execution, 'build').status !== 'NOT_STARTED');
      expect(buildLog(sim, execution)).toContain(`HEAD is now at ${pushed.commitId.slice(0, 7)} Add the search page`);
    }
    const again = push(sim, { programId: WKND.programId, repositoryId: '201', branch: 'develop' }, clock.now);
    expect(again.started).toEqual([]);
    expect(again.busy.sort()).toEqual([WKND.dev, watcher.id].sort());
    expect(sim.state.executions.length).toBe(count + 2);
    expect(again.commitId).not.toBe(pushed.commitId);
  });

  it('creates a branch pushed for the first time, and a manual run then builds its commit', () => {
    const { sim, clock } = newSimulation();
    const result = push(sim, { programId: WKND.programId, repositoryId: '201', branch: 'feature/new-nav' }, clock.now);
    expect(result.started).toEqual([]);
    expect(sim.repositoryOf(WKND.programId, '201').branches.map((b) => b.name)).toContain('feature/new-nav');
    editPipeline(sim, sim.pipeline(WKND.programId, WKND.quality), { phases: [{ type: 'BUILD', branch: 'feature/new-nav' }] }, clock.now);
    const run = startRun(sim, clock, WKND.programId, WKND.quality);
    expect(run.trigger).toBe('MANUAL');
    expect(run.sim.commitId).toBe(result.commitId);
  });

  it('refuses a bad branch name or an unknown repository, changing nothing', () => {
    const { sim, clock } = newSimulation();
    const before = structuredClone(sim.state);
    expect(refusal(() => push(sim, { programId: WKND.programId, repositoryId: '201', branch: '../main' }, clock.now)).code).toBe('invalid');
    expect(refusal(() => push(sim, { programId: WKND.programId, repositoryId: '999', branch: 'main' }, clock.now)).code).toBe('not_found');
    expect(sim.state).toEqual(before);
  });
});

describe('pipeline variables', () => {
  const SECRET = 'hunter2-very-secret-value';

  it('are listed in the next build log with secrets masked; the secret is nowhere in the state or logs', () => {
    const { sim, clock } = newSimulation();
    const pipeline = sim.pipeline(WKND.programId, WKND.production);
    patchVariables(
      sim,
      pipeline,
      [
        { name: 'MAVEN_PROFILE', value: 'cloud' },
        { name: 'NPM_TOKEN', value: SECRET, type: 'secretString' },
      ],
      clock.now,
    );
    const execution = startRun(sim, clock, WKND.programId, WKND.production);
    runUntil(sim, clock, () => stepOf(execution, 'build').status === 'FINISHED');
    const log = buildLog(sim, execution);
    expect(log).toContain('MAVEN_PROFILE=cloud');
    expect(log).toContain('NPM_TOKEN=********');
    runToCompletion(sim, clock, execution);
    const everything = [
      JSON.stringify(sim.state.executions),
      ...execution.steps.flatMap((step) =>
        content.logFiles(sim.context(execution, step)).map((file) => logText(sim, execution, step, file)),
      ),
    ].join('\n');
    expect(everything).not.toContain(SECRET);
    // Not even the pipeline keeps it: a secret's value is checked when it is set, then dropped.
    expect(pipeline.variables.find((v) => v.name === 'NPM_TOKEN')).toEqual({ name: 'NPM_TOKEN', type: 'secretString' });
    expect(JSON.stringify(sim.state)).not.toContain(SECRET);
  });

  it('keeps the values a run received when they change later; the log is the same for the seed', () => {
    const runs = [0, 1].map(() => {
      const { sim, clock } = newSimulation();
      const pipeline = sim.pipeline(WKND.programId, WKND.production);
      patchVariables(sim, pipeline, [{ name: 'FEATURE_FLAG', value: 'on' }], clock.now);
      const execution = startRun(sim, clock, WKND.programId, WKND.production);
      runUntil(sim, clock, () => stepOf(execution, 'build').status === 'FINISHED');
      runToCompletion(sim, clock, execution);
      patchVariables(sim, pipeline, [{ name: 'FEATURE_FLAG', value: 'off' }], clock.now);
      return buildLog(sim, execution);
    });
    expect(runs[0]).toContain('FEATURE_FLAG=on');
    expect(runs[0]).toBe(runs[1]);
  });

  it('creates, updates and deletes (no value), and refuses each bad one by name with nothing applied', () => {
    const { sim, clock } = newSimulation();
    const pipeline = sim.pipeline(WKND.programId, WKND.dev);
    patchVariables(
      sim,
      pipeline,
      [
        { name: 'A_1', value: 'x' },
        { name: 'SECRET', value: 's', type: 'secretString' },
      ],
      clock.now,
    );
    patchVariables(sim, pipeline, [{ name: 'A_1', value: 'y' }, { name: 'SECRET' }], clock.now);
    expect(pipeline.variables).toEqual([{ name: 'A_1', type: 'string', value: 'y' }]);
    const before = structuredClone(sim.state);
    const error = refusal(() =>
      patchVariables(
        sim,
        pipeline,
        [
          { name: '1BAD', value: 'x' },
          { name: 'CM_THING', value: 'x' },
          { name: 'LONG_SECRET', value: 'x'.repeat(500), type: 'secretString' },
          { name: 'A_1', value: 'z', type: 'secretString' },
          { name: 'OK_ONE', value: 'fine' },
        ],
        clock.now,
      ),
    );
    expect(error.code).toBe('invalid');
    expect(error.errors).toHaveLength(4);
    for (const name of ['1BAD', 'CM_THING', 'LONG_SECRET', 'A_1']) expect(error.errors!.some((e) => e.includes(`"${name}"`))).toBe(true);
    expect(error.errors!.join('\n')).not.toContain('x'.repeat(20));
    expect(sim.state).toEqual(before);
  });
});

describe('the build cache', () => {
  it('invalidated: the next build says it was empty and downloads afresh; the one after restores it', () => {
    const { sim, clock } = newSimulation();
    const pipeline = sim.pipeline(WKND.programId, WKND.quality);
    const logs: string[] = [];
    const downloads: number[] = [];
    for (const invalidate of [false, true, false]) {
      if (invalidate) invalidateBuildCache(pipeline);
      const execution = startRun(sim, clock, WKND.programId, WKND.quality, 'pass');
      runUntil(sim, clock, isOver(execution));
      const log = buildLog(sim, execution);
      logs.push(log);
      downloads.push(log.split('\n').filter((l) => l.startsWith('[INFO] Downloading from central')).length);
    }
    expect(logs[0]).toContain('Build cache restored');
    expect(logs[1]).toContain('The build cache is empty');
    expect(logs[1]).not.toContain('Build cache restored');
    expect(downloads[1]).toBeGreaterThan(downloads[0]);
    expect(logs[2]).toContain('Build cache restored');
  });

  it('is empty for the first build of a pipeline you add', () => {
    const { sim, clock } = newSimulation();
    const pipeline = addPipeline(sim, SUMMIT.programId, summitProduction(), clock.now);
    const execution = startRun(sim, clock, SUMMIT.programId, pipeline.id);
    runUntil(sim, clock, () => stepOf(execution, 'build').status === 'FINISHED');
    expect(buildLog(sim, execution)).toContain('The build cache is empty');
  });
});

describe('a state saved before pipelines were configurable (version 1)', () => {
  it('is upgraded: repositories get their branches, pipelines no variables', () => {
    const { sim } = newSimulation();
    const old = JSON.parse(JSON.stringify(sim.state)) as Record<string, unknown> & SimState;
    (old as { version: number }).version = 1;
    for (const r of old.repositories) delete (r as Partial<typeof r>).branches;
    for (const p of old.pipelines) delete (p as Partial<typeof p>).variables;
    const upgraded = upgradeState(old)!;
    expect(upgraded.version).toBe(STATE_VERSION);
    expect(upgraded).toEqual(sim.state);
    expect(upgradeState({ version: 3, programs: [] })).toBeUndefined();
  });
});
