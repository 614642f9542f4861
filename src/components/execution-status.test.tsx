import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExecutionStatus, executionStatusInfo } from './execution-status';

describe('executionStatusInfo', () => {
  it.each([
    ['NOT_STARTED', 'page', 'Not started', 'neutral'],
    ['RUNNING', 'page', 'In progress', 'info'],
    ['RUNNING', 'list', 'Running', 'info'],
    ['CANCELLING', 'page', 'Cancelled', 'negative'],
    ['CANCELLED', 'page', 'Cancelled', 'negative'],
    ['FINISHED', 'page', 'Finished', 'positive'],
    ['FAILED', 'page', 'Failed', 'negative'],
    ['ERROR', 'page', 'Failed', 'negative'],
  ] as const)('%s (%s) → %s', (status, context, word, variant) => {
    expect(executionStatusInfo(status, context)).toMatchObject({ word, variant, known: true });
  });

  it('never shows an unknown status as success', () => {
    expect(executionStatusInfo('SUCCEEDED_MAYBE')).toEqual({
      word: 'Unknown (SUCCEEDED_MAYBE)',
      variant: 'notice',
      known: false,
    });
    expect(executionStatusInfo(undefined).word).toBe('Unknown');
  });

  it('renders a word next to the icon', () => {
    render(<ExecutionStatus status="FAILED" />);
    expect(screen.getByText('Failed')).toBeInTheDocument();
  });
});
