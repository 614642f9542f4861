import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatFinishTime } from './format';

describe('formatFinishTime', () => {
  const at = '2026-11-23T22:53:06.000+0000';

  it('writes the time as Cloud Manager does, the zone as an offset', () => {
    expect(formatFinishTime(at, 'Europe/Berlin')).toBe('Nov 23, 2026 11:53:06 PM GMT+1');
  });

  it('never writes a zone abbreviation, even where the locale has one (PST)', () => {
    expect(formatFinishTime(at, 'America/Los_Angeles')).toBe('Nov 23, 2026 2:53:06 PM GMT-8');
    expect(formatFinishTime(at, 'Asia/Kolkata')).toBe('Nov 24, 2026 4:23:06 AM GMT+5:30');
  });

  it('writes the user’s own zone by default, as an offset', () => {
    expect(formatFinishTime(at)).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M GMT([+-]\d{1,2}(:\d{2})?)?$/);
  });

  it('writes nothing for a missing or unreadable time', () => {
    expect(formatFinishTime(undefined)).toBe('');
    expect(formatFinishTime('not a time')).toBe('');
  });
});

describe('formatDateTime and formatDuration', () => {
  it('writes a card time with a bullet and a duration in words', () => {
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('2026-11-23T10:05:00Z')).toMatch(/^Nov 23, 2026 • \d{1,2}:\d{2} [AP]M$/);
    expect(formatDuration(6_360_000)).toBe('1 hour 46 minutes');
    expect(formatDuration(253_000)).toBe('4 minutes 13 seconds');
  });
});
