/**
 * A step's duration against the average of the same step in the pipeline's last 20 runs: a thin
 * bar with the difference in per cent ("−13%" faster, "+3%" slower) and "View details", which
 * opens a Details panel (Started on, Duration, Average duration*). The earlier runs come from the
 * pipeline's executions list (read once, never polled).
 */
import { ActionButton, Flex, Text, View } from '@adobe/react-spectrum';
import Close from '@spectrum-icons/workflow/Close';
import { useId, useState } from 'react';
import { EARLIER_RUNS, useEarlierExecutions } from '../../../api/history';
import type { Execution, StepState } from '../../../api/types';
import { durationBetween, formatDuration, formatFinishTime } from '../../../lib/format';
import { useExecutionContext } from '../execution-context';

/** Runs the average is taken over (Cloud Manager: "rounded over the last 20 executions"). */
export const AVERAGE_OVER = EARLIER_RUNS;

export interface DurationComparison {
  durationMs: number;
  /** Average of the same step's successful runs among the earlier executions; undefined when none. */
  averageMs?: number;
  /** How many earlier runs the average is over. */
  runs: number;
  /** Rounded difference from the average in per cent: negative is faster. */
  percent?: number;
}

/** The same step in another execution: same action, same environment type, built the same way. */
function sameStep(step: StepState, other: StepState): boolean {
  return (
    other.action === step.action &&
    (other.environmentType ?? '') === (step.environmentType ?? '') &&
    (other.details?.reusedArtifacts === true) === (step.details?.reusedArtifacts === true)
  );
}

/** This step's duration against the successful runs of the same step in `earlier` executions. */
export function compareDuration(step: StepState, earlier: Execution[]): DurationComparison | undefined {
  const durationMs = durationBetween(step.startedAt, step.finishedAt);
  if (durationMs === undefined || !step.finishedAt) return undefined;
  const durations: number[] = [];
  for (const execution of earlier.slice(0, AVERAGE_OVER)) {
    const match = execution._embedded?.stepStates?.find((other) => sameStep(step, other) && other.status === 'FINISHED');
    const ms = match?.finishedAt ? durationBetween(match.startedAt, match.finishedAt) : undefined;
    if (ms !== undefined) durations.push(ms);
  }
  if (durations.length === 0) return { durationMs, runs: 0 };
  const averageMs = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
  const percent = averageMs > 0 ? Math.round(((durationMs - averageMs) / averageMs) * 100) : undefined;
  return { durationMs, averageMs, runs: durations.length, percent };
}

/** "−13%" / "+3%" / "±0%" (a real minus sign, so the sign never depends on colour). */
export function formatPercent(percent: number): string {
  if (percent === 0) return '±0%';
  return percent < 0 ? `\u2212${Math.abs(percent)}%` : `+${percent}%`;
}

function percentWords(percent: number): string {
  if (percent === 0) return 'as long as the average';
  return percent < 0 ? `${Math.abs(percent)}% faster than the average` : `${percent}% slower than the average`;
}

function DurationBar({ comparison }: { comparison: Required<Pick<DurationComparison, 'durationMs' | 'averageMs' | 'percent'>> }) {
  const { durationMs, averageMs, percent } = comparison;
  const longest = Math.max(durationMs, averageMs);
  const shorter = (Math.min(durationMs, averageMs) / longest) * 100;
  const faster = percent < 0;
  return (
    <div className="duration-bar" role="img" aria-label={`Duration ${formatDuration(durationMs)}, ${percentWords(percent)}`}>
      <div className="duration-bar__track">
        <div className="duration-bar__base" style={{ width: `${shorter}%` }} />
        <div className={`duration-bar__diff duration-bar__diff--${faster ? 'faster' : 'slower'}`} style={{ width: `${100 - shorter}%` }} />
      </div>
      <span className="duration-bar__percent" aria-hidden>
        {formatPercent(percent)}
      </span>
    </div>
  );
}

function DetailsPanel({
  step,
  comparison,
  onClose,
  id,
}: {
  step: StepState;
  comparison: DurationComparison;
  onClose: () => void;
  id: string;
}) {
  return (
    <View id={id} borderWidth="thin" borderColor="default" borderRadius="small" padding="size-150" UNSAFE_className="duration-details">
      <Flex justifyContent="space-between" alignItems="center">
        <Text UNSAFE_className="duration-details__title">Details</Text>
        <ActionButton isQuiet onPress={onClose}>
          <Close />
          <Text>Close details</Text>
        </ActionButton>
      </Flex>
      <table className="duration-details__table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Started on</th>
            <td>{formatFinishTime(step.startedAt) || '-'}</td>
          </tr>
          <tr>
            <th scope="row">Duration</th>
            <td>{formatDuration(comparison.durationMs)}</td>
          </tr>
          <tr>
            <th scope="row">Average duration*</th>
            <td>
              {comparison.averageMs === undefined
                ? 'No earlier runs'
                : `${formatDuration(comparison.averageMs)}${comparison.percent === undefined ? '' : ` (this run ${formatPercent(comparison.percent)})`}`}
            </td>
          </tr>
        </tbody>
      </table>
      <Text UNSAFE_className="duration-details__note">
        * Average over the {comparison.runs === 1 ? 'last successful run' : `last ${comparison.runs} successful runs`} of this step among
        the pipeline&apos;s previous {AVERAGE_OVER} executions.
      </Text>
    </View>
  );
}

/** Duration bar (with ±% against the average of the last 20 runs) and its Details panel. */
export function StepDurationComparison({ step }: { step: StepState }) {
  const context = useExecutionContext();
  const history = useEarlierExecutions(context?.pipeline, context?.executionId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonId = useId();
  // Closing from inside the panel puts focus back on "View details".
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };
  if (!context || history.isPending || history.error) return null;
  const comparison = compareDuration(step, history.executions);
  if (!comparison) return null;
  const { averageMs, percent } = comparison;
  return (
    <Flex direction="column" gap="size-50" UNSAFE_className="step-duration-comparison">
      <Flex alignItems="center" gap="size-150" wrap>
        {averageMs !== undefined && percent !== undefined ? (
          <DurationBar comparison={{ durationMs: comparison.durationMs, averageMs, percent }} />
        ) : null}
        <ActionButton
          id={buttonId}
          isQuiet
          onPress={() => setOpen((value) => !value)}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          UNSAFE_className="duration-view-details"
        >
          View details
        </ActionButton>
      </Flex>
      {open ? <DetailsPanel id={panelId} step={step} comparison={comparison} onClose={close} /> : null}
    </Flex>
  );
}
