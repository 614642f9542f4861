/**
 * The journal for pollers (simulation control): `GET /_sim/events?since=<cursor>&limit=<n>` →
 * `{events: [envelope…], next: <cursor>}`, oldest first. A cursor is the opaque string the last
 * answer gave (`next`); without one, the journal is read from its oldest kept entry. A cursor this
 * journal never gave, or one whose events were dropped since (the journal is bounded; a reset
 * empties it), is a 400: the reader starts again without one.
 */
import { cursorRange, entriesAfter } from '../../sim/journal';
import { SEED_ORG } from '../../sim/seed';
import { eventEnvelope } from '../event-envelope';
import { HttpError } from '../problem';
import { json } from '../responses';
import type { RouteContext } from '../router';

export const JOURNAL_PAGE = { default: 100, max: 500 } as const;

function invalid(detail: string): HttpError {
  return new HttpError(400, 'Invalid events request', detail);
}

export function journal(ctx: RouteContext): Response {
  const { journal } = ctx.engine.state;
  const range = cursorRange(journal);
  const since = ctx.url.searchParams.get('since');
  const limitText = ctx.url.searchParams.get('limit');
  const limit = limitText === null ? JOURNAL_PAGE.default : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= JOURNAL_PAGE.max)) throw invalid(`limit must be a whole number from 1 to ${JOURNAL_PAGE.max}.`);
  let after = range.oldest;
  if (since !== null) {
    if (!/^\d{1,15}$/.test(since)) throw invalid(`"${since.slice(0, 40)}" is not a cursor of this journal; read it again without since.`);
    after = Number(since);
    if (after > range.newest) throw invalid(`Cursor ${after} is not one this journal gave; read it again without since.`);
    if (after < range.oldest)
      throw invalid(
        `The events after cursor ${after} are no longer kept (the journal is bounded, or was reset); read it again without since.`,
      );
  }
  const entries = entriesAfter(journal, after, limit);
  const origin = ctx.url.origin;
  const orgOf = (programId: string) => ctx.engine.state.programs.find((p) => p.id === programId)?.imsOrgId ?? SEED_ORG;
  const events = entries.map((entry) => eventEnvelope(entry, { origin, hrefs: ctx.hrefs, orgOf }));
  return json({ events, next: String(entries.at(-1)?.seq ?? after) });
}
