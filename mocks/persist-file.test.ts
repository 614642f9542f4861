// @vitest-environment node
/** The server's data file: exact round trips, small writes with a long history, crash leftovers. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFile, DataFileError } from './persist-file';
import { content } from './sim/content';
import { Simulator } from './sim/simulator';
import { STATE_VERSION } from './sim/model';
import { WALL_START, WKND } from './sim/test-helpers';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cm-data-'));
  const path = join(dir, 'state.json');
  let wall = WALL_START;
  const file = new DataFile(path);
  const simulator = new Simulator({ seed: 1, content, wallClock: () => wall, onChange: (s) => file.write(s) });
  const tick = (ms: number) => (wall += ms);
  const reread = () => new DataFile(path).read();
  return { dir, path, file, simulator, tick, reread };
}

describe('the data file', () => {
  it('reads back exactly what was written, through runs ending, resets and populate', () => {
    const { simulator, tick, reread, dir, path } = setup();
    simulator.changed();
    expect(reread()).toEqual(simulator.state);
    const run = simulator.engine.start(WKND.programId, WKND.production, simulator.now());
    simulator.changed();
    expect(reread()).toEqual(simulator.state);
    simulator.engine.cancel(run, run.steps[0], { kind: 'cancel' }, simulator.now());
    tick(10_000);
    simulator.jump(60_000); // the run ends as CANCELLED: it moves to the archive
    expect(reread()).toEqual(simulator.state);
    simulator.populate({ executions: 2000 });
    expect(reread()).toEqual(simulator.state);
    simulator.reset(1); // most archive lines unreferenced: a new generation, the old one removed
    expect(reread()).toEqual(simulator.state);
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.archive-2', 'state.json.events-1']);
    expect(JSON.parse(readFileSync(path, 'utf8')).archive.lines).toBe(simulator.state.executions.length);
  });

  it('writes a small file per change with 10,000 executions stored, appending only what ended', () => {
    const { simulator, path, dir, tick } = setup();
    simulator.populate({ programs: 200, executions: 10_000 });
    const archive = join(dir, 'state.json.archive-1');
    const archiveSize = statSync(archive).size;
    expect(archiveSize).toBeGreaterThan(30_000_000);
    simulator.setSpeed(60);
    expect(statSync(archive).size).toBe(archiveSize);
    expect(statSync(path).size).toBeLessThan(archiveSize / 20);
    simulator.engine.start(WKND.programId, WKND.production, simulator.now());
    simulator.changed();
    expect(statSync(archive).size).toBe(archiveSize); // a started run is not archived: the change rewrote only the small file
    tick(1000);
    simulator.jump(30 * 24 * 3600_000); // the run ends (timed out hold)
    const grown = statSync(archive).size - archiveSize;
    expect(grown).toBeGreaterThan(1000);
    expect(grown).toBeLessThan(20_000);
  });

  it('ignores archive lines a crash left past the count the data file relies on, and appends after them cleanly', () => {
    const { simulator, path, dir, reread } = setup();
    simulator.changed();
    const expected = JSON.stringify(simulator.state);
    appendFileSync(join(dir, 'state.json.archive-1'), '{"id":"half-writ');
    const file = new DataFile(path);
    const state = file.read()!;
    expect(JSON.stringify(state)).toBe(expected);
    const again = new Simulator({ state, content, wallClock: () => WALL_START, onChange: (s) => file.write(s) });
    again.engine.start(WKND.programId, WKND.production, again.now());
    again.jump(30 * 24 * 3600_000);
    expect(reread()).toEqual(again.state);
  });

  it('reports a corrupt archive with both paths and leaves the files untouched', () => {
    const { simulator, path, dir } = setup();
    simulator.changed();
    const archive = join(dir, 'state.json.archive-1');
    writeFileSync(archive, 'garbage\n'.repeat(50));
    expect(() => new DataFile(path).read()).toThrow(DataFileError);
    expect(() => new DataFile(path).read()).toThrow(archive);
    expect(readFileSync(archive, 'utf8')).toBe('garbage\n'.repeat(50));
    expect(existsSync(path)).toBe(true);
  });

  it('still reads a data file of the earlier format (the whole state in one file)', () => {
    const { simulator, path } = setup();
    writeFileSync(path, JSON.stringify(simulator.state));
    expect(new DataFile(path).read()).toEqual(simulator.state);
  });

  it('upgrades a data file of state version 1 (no branches, no variables), archive and all', () => {
    const { simulator, path, reread } = setup();
    simulator.changed();
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.version = 1;
    for (const repository of data.repositories) delete repository.branches;
    for (const pipeline of data.pipelines) delete pipeline.variables;
    writeFileSync(path, JSON.stringify(data));
    expect(reread()).toEqual(simulator.state);
    writeFileSync(path, JSON.stringify({ ...data, version: 99 }));
    expect(() => reread()).toThrow(/not a simulator state this version can read/);
  });

  it('upgrades a data file of state version 2 (environments without preview, release or variables) and writes the current version', () => {
    const { simulator, path, reread } = setup();
    simulator.changed();
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.version = 2;
    for (const environment of data.environments) {
      environment.availableLogOptions = [{ service: 'author', name: 'aemerror' }];
      for (const field of ['previewUrl', 'aemRelease', 'variables', 'sim']) delete environment[field];
    }
    writeFileSync(path, JSON.stringify(data));
    const upgraded = reread()!;
    expect(upgraded.version).toBe(STATE_VERSION);
    const wkndProd = upgraded.environments.find((e) => e.id === '10012')!;
    expect(wkndProd.previewUrl).toBe('https://preview-p1001-e10012.adobeaemcloud.com');
    expect(wkndProd.sim.updates).toEqual([]);
    expect('availableLogOptions' in wkndProd).toBe(false);
    // Written back in the current shape on the next change.
    new DataFile(path).write(upgraded);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(STATE_VERSION);
  });

  it('keeps the journal in an append-only events archive: read back exactly, small appends, a reset starts a new generation', () => {
    const { simulator, tick, reread, dir, path } = setup();
    simulator.changed();
    simulator.engine.start(WKND.programId, WKND.dev, simulator.now());
    tick(1000);
    simulator.jump(3 * 3600_000); // the run goes through every step: a dozen entries
    const entries = simulator.state.journal.entries.length;
    expect(entries).toBeGreaterThan(10);
    expect(reread()).toEqual(simulator.state);
    const events = join(dir, 'state.json.events-1');
    expect(readFileSync(events, 'utf8').trim().split('\n')).toHaveLength(entries);
    expect(JSON.parse(readFileSync(path, 'utf8')).journal.entries).toEqual([]); // none in the data file itself
    const size = statSync(events).size;
    simulator.setSpeed(31); // a change without new entries appends nothing
    expect(statSync(events).size).toBe(size);
    simulator.reset(); // the journal starts again (counting on): the old lines no longer count
    const reset = reread()!;
    expect(reset.journal).toEqual({ nextSeq: entries + 1, entries: [] });
    simulator.engine.start(WKND.programId, WKND.dev, simulator.now());
    simulator.jump(60_000);
    expect(reread()).toEqual(simulator.state);
    expect(reread()!.journal.entries[0].seq).toBe(entries + 1);
  });

  it('keeps the sections other parts of the server give it, and reads a version-3 data file (no events archive)', () => {
    const { simulator, path, reread } = setup();
    const file = new DataFile(path);
    let webhooks = { cursor: 0, webhooks: [] as string[] };
    file.keepSection('webhooks', () => webhooks);
    file.write(simulator.state);
    webhooks = { cursor: 3, webhooks: ['a'] };
    file.write(simulator.state);
    const again = new DataFile(path);
    again.read();
    expect(again.section('webhooks')).toEqual({ cursor: 3, webhooks: ['a'] });
    expect(again.section('other')).toBeUndefined();
    const data = JSON.parse(readFileSync(path, 'utf8'));
    delete data.events;
    delete data.journal;
    delete data.sections;
    data.version = 3;
    writeFileSync(path, JSON.stringify(data));
    expect(reread()!.journal).toEqual({ nextSeq: 1, entries: [] });
  });
});
