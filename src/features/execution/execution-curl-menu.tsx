import { cancelStep, reExecute } from '../../api/actions';
import { actionRequest } from '../../api/action-request';
import { findLink, rel } from '../../api/links';
import type { Execution } from '../../api/types';
import { CopyCurlMenu } from '../../components/copy-curl/copy-curl-menu';

/**
 * The execution page's "Copy as curl" menu: GET this execution (what the page polls), and the
 * execution-wide actions the API offers now: cancel the running step, re-execute the production
 * deployment. (A held step's decisions have their own menu beside its buttons.)
 */
export function ExecutionCurlMenu({ execution }: { execution: Execution }) {
  const self = findLink(execution, rel.self);
  const steps = execution._embedded?.stepStates ?? [];
  const running = steps.find((step) => step.status === 'RUNNING' && cancelStep(step).link);
  const reExecutable = steps.find((step) => reExecute(step).link);
  return (
    <CopyCurlMenu
      about="this execution"
      items={[
        { label: 'Get this execution', request: self ? { method: 'GET', href: self.href } : undefined },
        { label: 'Cancel the execution', request: actionRequest(cancelStep(running)) },
        { label: 'Re-execute the production deployment', request: actionRequest(reExecute(reExecutable)) },
      ]}
    />
  );
}
