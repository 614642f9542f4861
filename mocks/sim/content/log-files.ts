/** Which logs a step writes, and a log's text as written so far: small, needed before the generators (./lazy.ts). */
import type { ContentContext, LogLine } from './types';

/** The log files of the step (`main`, and `sonarLogFile` for code quality); none for a step without logs. */
export function logFiles(ctx: ContentContext): string[] {
  switch (ctx.step.action) {
    case 'codeQuality':
      return ['main', 'sonarLogFile'];
    case 'build':
    case 'buildImage':
    case 'deploy':
    case 'productTest':
    case 'functionalTest':
    case 'uiTest':
    case 'contentAudit':
      return ['main'];
    default:
      return [];
  }
}

/** The text of the lines written by `progress` (0..1): one line per line, ending with '\n' when non-empty. */
export function linesUpTo(lines: LogLine[], progress: number): string {
  let out = '';
  for (const line of lines) {
    if (line.at <= progress) out += `${line.text}\n`;
  }
  return out;
}
