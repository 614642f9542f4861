/**
 * "Run selected pipelines (n)": the selected pipelines, those that cannot start with the reason
 * (already running, at most 10 at once), then Run (k) starts each of the others (PUT its
 * `execution` link) and reports in place, and in a toast, which started and which were busy (412).
 */
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Heading,
  InlineAlert,
  Text,
  ToastQueue,
  useDialogContainer,
  View,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { startPipeline } from '../../api/actions';
import { useLinkActions, type ActionOutcome } from '../../api/mutations';
import type { Pipeline } from '../../api/types';
import { isPipelineRunning } from '../../components/pipeline-status';

export const RUN_SELECTED_MAX = 10;

function reasonNotToStart(pipeline: Pipeline): string | undefined {
  if (isPipelineRunning(pipeline.status)) return 'Pipeline is in progress.';
  if (!startPipeline(pipeline).link) return 'The API offers no way to start it now.';
  return undefined;
}

interface Result {
  started: Pipeline[];
  busy: Pipeline[];
  failed: { pipeline: Pipeline; message: string }[];
}

function resultOf(pipelines: Pipeline[], outcomes: ActionOutcome[]): Result {
  const result: Result = { started: [], busy: [], failed: [] };
  outcomes.forEach(({ error }, index) => {
    const pipeline = pipelines[index];
    if (!error) result.started.push(pipeline);
    else if (error.status === 412) result.busy.push(pipeline);
    else result.failed.push({ pipeline, message: error.message });
  });
  return result;
}

const names = (pipelines: Pipeline[]) => pipelines.map((p) => `"${p.name}"`).join(', ');

function summary({ started, busy, failed }: Result): string {
  const parts = [`${started.length} pipeline${started.length === 1 ? '' : 's'} started`];
  if (busy.length) parts.push(`${busy.length} already running (${names(busy)})`);
  if (failed.length) parts.push(`${failed.length} could not start`);
  return `${parts.join('; ')}.`;
}

function PipelineNames({ label, items }: { label: string; items: { pipeline: Pipeline; note?: string }[] }) {
  if (items.length === 0) return null;
  return (
    <View marginTop="size-150">
      <Heading level={3}>{`${label} (${items.length})`}</Heading>
      <ul aria-label={label}>
        {items.map(({ pipeline, note }) => (
          <li key={pipeline.id}>
            <Text>{pipeline.name}</Text>
            {note ? <Text UNSAFE_className="muted">{` — ${note}`}</Text> : null}
          </li>
        ))}
      </ul>
    </View>
  );
}

export function RunSelectedDialog({ pipelines, onRan }: { pipelines: Pipeline[]; onRan: () => void }) {
  const dialog = useDialogContainer();
  const run = useLinkActions();
  const [result, setResult] = useState<Result | null>(null);
  const tooMany = pipelines.length > RUN_SELECTED_MAX;
  const runnable = pipelines.filter((p) => !reasonNotToStart(p));
  const blocked = pipelines.filter((p) => reasonNotToStart(p));

  const start = async () => {
    const outcomes = await run.mutateAsync(runnable.map((p) => startPipeline(p)));
    const done = resultOf(runnable, outcomes);
    setResult(done);
    onRan();
    const toast = done.busy.length || done.failed.length ? ToastQueue.info : ToastQueue.positive;
    toast(summary(done), { timeout: 8000 });
  };

  return (
    <Dialog>
      <Heading>{`Run selected pipelines (${pipelines.length})`}</Heading>
      <Divider />
      <Content>
        {result ? (
          <section aria-label="Result" role="status">
            <Text>{summary(result)}</Text>
            <PipelineNames label="Started" items={result.started.map((pipeline) => ({ pipeline }))} />
            <PipelineNames
              label="Busy"
              items={result.busy.map((pipeline) => ({ pipeline, note: 'Pipeline is busy: it is already running.' }))}
            />
            <PipelineNames label="Not started" items={result.failed.map(({ pipeline, message }) => ({ pipeline, note: message }))} />
          </section>
        ) : (
          <>
            {tooMany ? (
              <InlineAlert variant="notice" marginBottom="size-150">
                <Heading>Too many pipelines</Heading>
                <Content>{`At most ${RUN_SELECTED_MAX} pipelines can be run at once: select fewer.`}</Content>
              </InlineAlert>
            ) : null}
            <PipelineNames label="Will start" items={runnable.map((pipeline) => ({ pipeline }))} />
            <PipelineNames label="Cannot start" items={blocked.map((pipeline) => ({ pipeline, note: reasonNotToStart(pipeline) }))} />
          </>
        )}
      </Content>
      <ButtonGroup>
        {result ? (
          <Button variant="accent" onPress={dialog.dismiss}>
            Close
          </Button>
        ) : (
          <>
            <Button variant="secondary" onPress={dialog.dismiss} isDisabled={run.isPending}>
              Cancel
            </Button>
            <Button variant="accent" onPress={() => void start()} isDisabled={tooMany || runnable.length === 0} isPending={run.isPending}>
              {`Run (${tooMany ? 0 : runnable.length})`}
            </Button>
          </>
        )}
      </ButtonGroup>
    </Dialog>
  );
}
