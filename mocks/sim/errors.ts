/**
 * A refusal by the simulated Cloud Manager, in its own terms: what kind of refusal (`code`), a
 * short title and what happened. No HTTP here: mocks/api/problem.ts answers each code with its
 * status.
 */
export type DomainErrorCode =
  /** No such program, pipeline, execution, step, environment or repository. */
  | 'not_found'
  /** The pipeline already has a running execution. */
  | 'busy'
  /** A decision on a step that does not wait for one and never did. */
  | 'not_waiting'
  /** A decision on a step that someone (or the 14-day timeout) already decided. */
  | 'already_decided'
  /** A cancel of a step that cannot be cancelled now (a running deployment). */
  | 'not_cancellable'
  /** The environment applies a change of its variables, or a deployment to it runs: it takes no other change now. */
  | 'environment_busy'
  /** A command that does not fit: the wrong decision for the step, a schedule too far ahead, a bad pipeline or variable. */
  | 'invalid'
  /** An action the rules do not allow now (re-executing anything but the last production deployment). */
  | 'not_allowed'
  /** An action the acting user's roles do not give them the permission for (`errors` names the permission). */
  | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly title: string,
    message: string,
    /** Each problem on its own (a pipeline or variables refused for several reasons at once). */
    readonly errors?: string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
