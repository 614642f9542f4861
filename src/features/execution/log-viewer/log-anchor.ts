/**
 * Links to a line of a step's log. The execution page's URL hash `#log-<step>-L<line>` (for
 * example `#log-build-unit-testing-L1234`) opens that step's log and selects and scrolls to the
 * line; `#log-<step>` opens the log alone. `<step>` is the step's title in lower case with
 * anything but letters and digits turned into single dashes.
 */

/** "Build & Unit Testing" → "build-unit-testing". */
export function logAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function logLineHash(anchor: string, line?: number): string {
  return line === undefined ? `#log-${anchor}` : `#log-${anchor}-L${line}`;
}

/** The step anchor and line a hash points at, or undefined when it is not a log link. */
export function parseLogHash(hash: string): { anchor: string; line?: number } | undefined {
  const match = /^#log-([a-z0-9-]+?)(?:-L(\d+))?$/.exec(hash);
  if (!match) return undefined;
  const line = match[2] === undefined ? undefined : Number(match[2]);
  return { anchor: match[1], line: line !== undefined && line >= 1 ? line : undefined };
}
