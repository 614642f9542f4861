/**
 * The programs' git repositories: their branches, and commits pushed to them through the
 * simulation control `POST /_sim/push`. A push is where the `ON_COMMIT` trigger ("On Git
 * Changes") comes from: every ON_COMMIT pipeline building that repository and branch starts a run
 * of the pushed commit, unless it is already running.
 */
import { createRng, hashString } from './content/rng';
import type { Simulation } from './engine';
import { currentUpdate } from './environments';
import { DomainError } from './errors';
import type { Branch, Pipeline, Repository } from './model';

/** The branches of a seeded repository (the same for a slug, whatever the seed). */
export function seedBranches(slug: string): Branch[] {
  return ['main', 'develop', 'release/2026.11', `feature/${slug}-search`, 'feature/header-refresh'].map((name) => ({ name }));
}

/** A git branch name as the simulator accepts it (a subset of git's rules), or why it is not one. */
function branchNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 100) return 'must be 1 to 100 characters';
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return 'may only contain letters, digits, ".", "_", "-" and "/"';
  if (/(^[/.-])|\/$|\/\/|\.\.|\/\.|\.lock$|\.$/.test(name)) return 'is not a valid git branch name';
  return undefined;
}

export function findBranch(repository: Repository, name: string | undefined): Branch | undefined {
  return repository.branches.find((b) => b.name === name);
}

/** The commit a run of `pipeline` builds: the last one pushed to its branch, if any (otherwise the engine draws one). */
export function headCommit(sim: Simulation, pipeline: Pipeline): HeadCommit | undefined {
  const build = pipeline.phases.find((p) => p.type === 'BUILD');
  const repository = sim.state.repositories.find((r) => r.id === build?.repositoryId && r.programId === pipeline.programId);
  const branch = repository && findBranch(repository, build?.branch);
  return branch?.commitId ? { id: branch.commitId, message: branch.message, pullRequestUrl: branch.pullRequestUrl } : undefined;
}

/** The commit a run of a branch builds: its id, message and the pull request it came from. */
export interface HeadCommit {
  id: string;
  message?: string;
  pullRequestUrl?: string;
}

export interface Push {
  programId: string;
  repositoryId: string;
  branch: string;
  /** One line, at most 200 characters (mocks/api checks). */
  message?: string;
  /** The number of the pull request the commit came from (a positive integer). */
  pullRequest?: number;
}

export interface PushResult {
  commitId: string;
  /** The ON_COMMIT runs the push started. */
  started: { pipelineId: string; executionId: string }[];
  /**
   * ON_COMMIT pipelines of that branch that were already running (not started again), or that
   * deploy to an environment applying a change of its variables (not started).
   */
  busy: string[];
}

/** Records a commit on the branch (creating the branch when new) and starts the ON_COMMIT pipelines that build it. */
export function push(sim: Simulation, request: Push, now: number): PushResult {
  sim.program(request.programId);
  const repository = sim.repositoryOf(request.programId, request.repositoryId);
  const problem = branchNameProblem(request.branch);
  if (problem) throw new DomainError('invalid', 'Invalid branch', `branch ${problem}.`, [`branch: ${problem}`]);
  sim.advanceTo(now);
  const commitId = sha(createRng(hashString(`push:${sim.state.seed}:${sim.newId()}`)));
  let branch = findBranch(repository, request.branch);
  if (!branch) {
    branch = { name: request.branch };
    repository.branches.push(branch);
  }
  branch.commitId = commitId;
  if (!request.message) delete branch.message;
  else branch.message = request.message;
  if (request.pullRequest === undefined) delete branch.pullRequestUrl;
  else branch.pullRequestUrl = `${repositoryUrl(repository)}pull/${request.pullRequest}`;
  const result: PushResult = { commitId, started: [], busy: [] };
  const watching = sim.state.pipelines.filter(
    (p) =>
      p.programId === request.programId &&
      p.trigger === 'ON_COMMIT' &&
      p.phases.some((phase) => phase.type === 'BUILD' && phase.repositoryId === repository.id && phase.branch === branch.name),
  );
  for (const pipeline of watching) {
    // Already running, or deploying to an environment that applies a change of its variables: not started.
    if (sim.currentExecution(pipeline.id) || sim.deployTargets(pipeline).some((e) => currentUpdate(e, now))) {
      result.busy.push(pipeline.id);
      continue;
    }
    const execution = sim.start(pipeline.programId, pipeline.id, now, { trigger: 'ON_COMMIT' });
    result.started.push({ pipelineId: pipeline.id, executionId: execution.id });
  }
  return result;
}

/** The git URL of a repository (Cloud Manager's git host, the org's tenant). */
export function repositoryUrl(repository: Repository): string {
  return `https://git.cloudmanager.adobe.com/simulatedorg/${repository.name}/`;
}

/** Access Repo Info: the technical git user of a program (the same every time). */
export function gitUser(programId: string): string {
  return `simulatedorg-${programId}`;
}

export interface GitCredentials {
  username: string;
  password: string;
  repositoryUrl: string;
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A new git password for a repository (the simulator's `generatePassword` extension): drawn from
 * the seed and a new id, so each call gives another one. Cloud Manager would revoke the previous
 * password; the simulator serves no git and keeps no password (it is shown once, never stored).
 */
export function generatePassword(sim: Simulation, repository: Repository): GitCredentials {
  const rng = createRng(hashString(`git-password:${sim.state.seed}:${repository.id}:${sim.newId()}`));
  let password = '';
  for (let i = 0; i < 32; i += 1) password += rng.pick([...PASSWORD_ALPHABET]);
  return { username: gitUser(repository.programId), password, repositoryUrl: repositoryUrl(repository) };
}

/** A 40-digit commit sha. */
export function sha(rng: ReturnType<typeof createRng>): string {
  let out = '';
  for (let i = 0; i < 40; i += 1) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}
