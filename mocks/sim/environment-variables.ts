/**
 * An environment's variables (the spec's `variables` link on an Environment). A PATCH is checked
 * whole like a pipeline's (variables.ts, plus the service a variable applies to) and then takes
 * simulated time to apply: the environment and the variables it touched are `updating` for
 * VARIABLES_APPLY_MS. Meanwhile the environment takes no other change: a second PATCH and the start
 * of a pipeline that deploys to it are refused (409), and a deployment to it that becomes due waits
 * (engine.ts). A PATCH is refused too while a deployment to the environment runs.
 */
import type { Simulation } from './engine';
import { checkNotUpdating, recordUpdate, variableServices } from './environments';
import { DomainError } from './errors';
import type { Environment } from './model';
import { applyVariableChanges, type VariableChange } from './variables';

/** Refuses (409) a change of `environment` while it applies one or a deployment to it runs. */
export function checkCanChange(sim: Simulation, environment: Environment, now: number): void {
  checkNotUpdating(environment, now, 'its variables can be changed again once it is ready');
  const deployment = sim
    .activeExecutions()
    .find((e) => e.steps.some((s) => s.action === 'deploy' && s.status === 'RUNNING' && s.environmentId === environment.id));
  if (deployment)
    throw new DomainError(
      'environment_busy',
      'A deployment to this environment is in progress',
      `Execution ${deployment.id} is deploying to ${environment.name} (${environment.id}); change its variables once the deployment is over.`,
    );
}

/**
 * Applies a PATCH of an environment's variables from `now` on. Refused as a whole: 400 (each bad
 * variable named), 409 (the environment is updating, or a deployment to it runs). An empty list
 * changes nothing and starts no update.
 */
export function patchEnvironmentVariables(sim: Simulation, environment: Environment, changes: VariableChange[], now: number): void {
  sim.advanceTo(now);
  checkCanChange(sim, environment, now);
  const owner = { kind: 'environment' as const, services: variableServices(environment) };
  const { variables, changed } = applyVariableChanges(environment.variables, changes, owner);
  if (!changed.length) return;
  environment.variables = variables;
  recordUpdate(environment, changed, now);
}
