/**
 * An Activity row's `...` menu (cm-ui §11): **View details** opens the execution; **Download log**
 * saves the build step's log (the `logs` link of the execution's build step state), offered only
 * once the build has a log. A failed download is said in a toast, in words.
 */
import { ActionMenu, Item, ToastQueue } from '@adobe/react-spectrum';
import { useNavigate } from 'react-router';
import { findLink, rel } from '../../api/links';
import { fetchStepLogText } from '../../api/step-logs';
import type { Execution, Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { saveTextFile } from '../../lib/save-text-file';

interface ActivityRowMenuProps {
  programId: string;
  pipeline: Pipeline;
  execution: Execution;
}

export function ActivityRowMenu({ programId, pipeline, execution }: ActivityRowMenuProps) {
  const navigate = useNavigate();
  const build = execution._embedded?.stepStates?.find((step) => step.action === 'build');
  const logs = findLink(build, rel.logs);
  const download = async () => {
    try {
      saveTextFile(`build-${execution.id}.log`, await fetchStepLogText(logs));
    } catch (error) {
      ToastQueue.negative(`Could not download the log: ${error instanceof Error ? error.message : String(error)}`, { timeout: 8000 });
    }
  };
  return (
    <ActionMenu
      aria-label={`Actions for ${pipeline.name} execution ${execution.id}`}
      isQuiet
      disabledKeys={logs ? [] : ['log']}
      onAction={(key) => {
        if (key === 'details') void navigate(paths.execution.href(programId, pipeline.id, execution.id));
        else void download();
      }}
    >
      <Item key="details">View details</Item>
      <Item key="log">Download log</Item>
    </ActionMenu>
  );
}
