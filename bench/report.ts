/**
 * One row of `npm run bench`: a measured figure against its budget (issue #5). Every bench module
 * returns rows; `bench/run.ts` prints them as one table.
 */
export interface BenchRow {
  /** What was measured, e.g. "First load JS (My Programs), gzip". */
  figure: string;
  value: number;
  unit: string;
  /** The budget: at most (`max`) or at least (`min`) this value. */
  budget: { max: number } | { min: number };
  /** Optional note printed beside the row (how it was measured). */
  note?: string;
}

export function meets(row: BenchRow): boolean {
  return 'max' in row.budget ? row.value <= row.budget.max : row.value >= row.budget.min;
}

export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((row) => [
    row.figure,
    `${Number.isInteger(row.value) ? row.value : row.value.toFixed(Math.abs(row.value) < 1 ? 3 : 1)} ${row.unit}`.trimEnd(),
    'max' in row.budget
      ? Number.isFinite(row.budget.max)
        ? `≤ ${row.budget.max} ${row.unit}`
        : '(none)'
      : `≥ ${row.budget.min} ${row.unit}`,
    meets(row) ? 'met' : 'NOT MET',
    row.note ?? '',
  ]);
  const header = ['Figure', 'Measured', 'Budget', 'Result', 'Note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

/** What `bench/run.ts` hands every bench module. */
export interface BenchContext {
  /** The production build served by `vite preview` (simulator on), e.g. http://127.0.0.1:4190. */
  baseUrl: string;
  /** The Chromium to drive (scripts/find-chromium.mjs), undefined when Playwright's own is used. */
  chromiumPath?: string;
  /** The build directory `baseUrl` serves (its .vite/manifest.json tells the chunks apart). */
  distDir?: string;
}

/** A bench module: measures and returns its rows. */
export type Bench = (ctx: BenchContext) => Promise<BenchRow[]>;

/** Runs `bench` and prints its table when `moduleUrl` is the script node was started with (`npx tsx bench/<file>.ts`). */
export function runWhenMain(moduleUrl: string, bench: Bench): void {
  const script = process.argv[1]?.replace(/\\/g, '/').split('/').pop();
  if (!script || !moduleUrl.endsWith(script)) return;
  bench({ baseUrl: '' }).then(
    (rows) => console.log(formatTable(rows)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
