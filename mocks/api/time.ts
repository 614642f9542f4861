/** Timestamps as the real API writes them: "2019-07-08T22:44:25.537+0000". */
export function apiTime(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  return new Date(ms).toISOString().replace('Z', '+0000');
}
