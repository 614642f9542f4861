import { DatePicker, Flex, Radio, RadioGroup, Text, TextField, type DateValue } from '@adobe/react-spectrum';
import { useState } from 'react';
import { cancelStep, scheduleDeployment } from '../../../api/actions';
import { actionRequest } from '../../../api/action-request';
import { CopyCurlMenu } from '../../../components/copy-curl/copy-curl-menu';
import type { StepState } from '../../../api/types';
import { stepStateKey, useStepAction } from '../../../api/use-step-action';
import { formatFinishTime, parseApiTime } from '../../../lib/format';
import { HoldDecisionButton } from './hold-decision-button';

/** The 409 answer to Confirm / Stop Execution, in words: someone else decided first. */
export const SCHEDULE_ALREADY_DECIDED =
  'Already decided: the production deployment was scheduled or stopped in another session. Showing its current state.';

/** The user's own time zone: the date and time field is read in it. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const SCHEDULE_LABEL = 'Select a date and time to begin Production Deployment';

/** The two choices, "Now" and a date and time; `isDisabled` greys them (busy, or already decided). */
function ScheduleChoice({
  mode,
  onChange,
  isDisabled,
}: {
  mode: 'now' | 'date';
  onChange?: (mode: 'now' | 'date') => void;
  isDisabled: boolean;
}) {
  return (
    <RadioGroup
      label={SCHEDULE_LABEL}
      value={mode}
      onChange={(next) => onChange?.(next === 'date' ? 'date' : 'now')}
      isDisabled={isDisabled}
    >
      <Radio value="now">Now</Radio>
      <Radio value="date">Date and time</Radio>
    </RadioGroup>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01 10:30" in the user's time zone, as Cloud Manager's date field writes it. */
function fieldText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The date and time chosen at Confirm: `scheduledFor` while it waits for it, the decision's `input` after; none for Now. */
function chosenTime(step: StepState): string | undefined {
  const details = step.details ?? {};
  if (typeof details.scheduledFor === 'string') return details.scheduledFor;
  const input = details.input as { type?: unknown; schedule?: unknown } | undefined;
  return input?.type === 'SCHEDULED' && typeof input.schedule === 'string' ? input.schedule : undefined;
}

/**
 * The schedule after Confirm, as Cloud Manager keeps it: the choice stays visible, greyed and
 * read-only ("Now", or the date and time chosen); the status line says "Scheduled".
 */
export function ScheduleDecided({ step }: { step: StepState }) {
  const scheduledFor = parseApiTime(chosenTime(step));
  return (
    <Flex direction="column" gap="size-100" UNSAFE_className="hold hold-schedule hold-schedule--decided">
      <ScheduleChoice mode={scheduledFor ? 'date' : 'now'} isDisabled />
      {scheduledFor ? (
        <TextField label={`Date and time (${localTimeZone()})`} value={fieldText(scheduledFor)} isDisabled width="size-3600" />
      ) : null}
    </Flex>
  );
}

/**
 * The schedule hold: "Now" (default) or a date and time in the user's time zone, then Confirm;
 * Stop Execution cancels the run. Each button only when its link exists.
 */
export function HoldSchedule({ step }: { step: StepState }) {
  const action = useStepAction(stepStateKey(step));
  const [mode, setMode] = useState<'now' | 'date'>('now');
  const [value, setValue] = useState<DateValue | null>(null);
  const when = mode === 'date' && value ? value.toDate(localTimeZone()) : undefined;
  const inPast = when !== undefined && when.getTime() <= Date.now();
  const invalid = mode === 'date' && (!value || inPast);

  return (
    <Flex direction="column" gap="size-100" UNSAFE_className="hold hold-schedule">
      <ScheduleChoice mode={mode} onChange={setMode} isDisabled={action.isBusy} />
      {mode === 'date' ? (
        <DatePicker
          label={`Date and time (${localTimeZone()})`}
          granularity="minute"
          width="size-3600"
          value={value}
          onChange={setValue}
          isDisabled={action.isBusy}
          validationState={inPast ? 'invalid' : undefined}
          errorMessage="Choose a time in the future."
        />
      ) : null}
      <Flex gap="size-100" wrap>
        <HoldDecisionButton
          decision={cancelStep(step)}
          sender={action}
          label="Stop Execution"
          title="Stop this execution?"
          confirmLabel="Stop Execution"
          destructive
          success="The execution was stopped."
          alreadyDecided={SCHEDULE_ALREADY_DECIDED}
        >
          <Text>The execution is cancelled and nothing is deployed to production.</Text>
        </HoldDecisionButton>
        <HoldDecisionButton
          decision={scheduleDeployment(step, when)}
          sender={action}
          label="Confirm"
          title="Confirm the production deployment schedule?"
          confirmLabel="Confirm"
          isDisabled={invalid}
          success={when ? `Production deployment scheduled for ${formatFinishTime(when)}.` : 'Production deployment starts now.'}
          alreadyDecided={SCHEDULE_ALREADY_DECIDED}
        >
          <Text>{when ? `Deploy to production on ${formatFinishTime(when)} (your local time).` : 'Deploy to production now.'}</Text>
        </HoldDecisionButton>
        <CopyCurlMenu
          about="the schedule's decisions"
          items={[
            { label: 'Stop Execution', request: actionRequest(cancelStep(step)) },
            {
              label: when ? 'Confirm the schedule' : 'Confirm (now)',
              request: invalid ? undefined : actionRequest(scheduleDeployment(step, when)),
            },
          ]}
        />
      </Flex>
    </Flex>
  );
}
