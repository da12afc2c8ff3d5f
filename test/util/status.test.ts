import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../src/graph.js';
import { writeGraphFiles } from '../../src/export/files.js';
import { tempPathFor } from '../../src/export/io.js';
import { createPhaseStatus, formatBytes } from '../../src/util/status.js';
import { sampleResults } from '../graph/fixtures.js';
import { sink } from './sink.js';

const root = mkdtempSync(join(tmpdir(), 'yjkg-status-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the status line after extraction', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 2 ** 30)).toBe('5.0 GiB');
  });

  it('shows the phase, the bytes of the file on disk so far (its temp file, then the file) and the seconds, and clears itself', () => {
    const out = sink();
    let clock = 0;
    const status = createPhaseStatus(out, 60_000, () => clock);
    const file = join(root, 'graph.json');
    status.phase('merging the extracted results');
    expect(out.text).toBe('\r\x1b[2Kyjkg merging the extracted results… 0 s');

    writeFileSync(tempPathFor(file), 'x'.repeat(2048));
    clock = 3_000;
    status.phase('writing graph.json', [file]);
    expect(out.text.endsWith('\r\x1b[2Kyjkg writing graph.json… 2.0 KiB, 0 s')).toBe(true);

    renameSync(tempPathFor(file), file);
    writeFileSync(file, 'x'.repeat(3 * 1024 * 1024));
    clock = 5_500;
    status.phase('writing graph.json', [file]); // (a redraw: same label, restarted clock)
    clock = 7_600;
    status.clearLine(); // a warning comes
    expect(out.text.endsWith('\r\x1b[2Kyjkg writing graph.json… 3.0 MiB, 0 s\r\x1b[2K')).toBe(true);
    status.stop();
    expect(out.text.endsWith('\r\x1b[2K')).toBe(true);
    const length = out.text.length;
    status.clearLine(); // stopped: nothing more is drawn or cleared
    expect(out.text.length).toBe(length);
  });

  it('redraws on its own while a phase lasts', async () => {
    const out = sink();
    const status = createPhaseStatus(out, 10);
    status.phase('laying out the graph');
    await new Promise((resolve) => setTimeout(resolve, 80));
    status.stop();
    expect(out.text.split('yjkg laying out the graph…').length - 1).toBeGreaterThan(2);
  });

  it('writeGraphFiles says which files it starts: graph.json, then graph.gexf (before either is in place)', async () => {
    const paths = { json: join(root, 'g.json'), gexf: join(root, 'g.gexf') };
    const started: [string[], boolean][] = [];
    await writeGraphFiles(buildGraph(sampleResults()), paths, {}, (files) => started.push([files, existsSync(paths.json) || existsSync(paths.gexf)]));
    expect(started).toEqual([
      [[paths.json], false],
      [[paths.gexf], false],
    ]);
    expect(existsSync(paths.json) && existsSync(paths.gexf)).toBe(true);
  });

  it('in a log, writes each phase as a line of its own, with nothing to clear', () => {
    const out = sink();
    let clock = 0;
    const status = createPhaseStatus(out, 60_000, () => clock, true);
    status.phase('merging the extracted results');
    clock = 2_500;
    status.clearLine();
    status.phase('writing graph.json', [join(root, 'absent.json')]);
    status.stop();
    expect(out.text).toBe('yjkg: merging the extracted results…\nyjkg: writing graph.json…\n');
    vi.useFakeTimers();
    try {
      const timed = createPhaseStatus(out, 1_000, () => clock, true);
      timed.phase('writing graph.gexf');
      clock += 1_000;
      vi.advanceTimersByTime(1_000);
      timed.stop();
    } finally {
      vi.useRealTimers();
    }
    expect(out.text.endsWith('yjkg: writing graph.gexf…\nyjkg: writing graph.gexf… 1 s\n')).toBe(true);
  });
});
