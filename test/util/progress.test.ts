import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressLines, formatDuration, progressLine, progressMode } from '../../src/util/progress.js';
import { sink } from './sink.js';

describe('extraction progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a bar at a terminal outside CI, plain lines anywhere else, nothing when not asked for', () => {
    expect(progressMode(true, { isTTY: true }, {})).toBe('bar');
    expect(progressMode(true, { isTTY: true }, { CI: 'true' })).toBe('lines');
    expect(progressMode(true, { isTTY: false }, {})).toBe('lines');
    expect(progressMode(true, {}, {})).toBe('lines');
    expect(progressMode(false, { isTTY: true }, {})).toBeNull();
    expect(progressMode(undefined, { isTTY: true }, {})).toBeNull();
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59.4)).toBe('59s');
    expect(formatDuration(75)).toBe('1m15s');
    expect(formatDuration(3600 + 5)).toBe('60m05s');
  });

  it('says how much is done, of how much, and estimates the rest from the rate so far', () => {
    const total = { files: 2846, bytes: 1024 * 1048576 };
    expect(progressLine({ files: 1204, bytes: 409.6 * 1048576 }, total, 192_000)).toBe(
      'yjkg: extracted 409.6 MiB of 1.0 GiB (40%), 1204 of 2846 files, 3m12s; about 4m48s left',
    );
    // no estimate before 1% (too early to say) nor at the end
    expect(progressLine({ files: 0, bytes: 1048576 }, total, 5_000)).toBe('yjkg: extracted 1.0 MiB of 1.0 GiB (0%), 0 of 2846 files, 5s');
    expect(progressLine({ files: 2846, bytes: total.bytes }, total, 400_000)).toBe('yjkg: extracted 1.0 GiB of 1.0 GiB (100%), 2846 of 2846 files, 6m40s');
    // unreadable files only: 0 bytes in all, the files count instead
    expect(progressLine({ files: 1, bytes: 0 }, { files: 2, bytes: 0 }, 1_000)).toBe('yjkg: extracted 0 B of 0 B (50%), 1 of 2 files, 1s; about 1s left');
  });

  it('writes one line per interval, none for a run shorter than one, and stops', () => {
    vi.useFakeTimers();
    let clock = 0;
    const out = sink();
    const quick = createProgressLines(out, { files: 2, bytes: 2048 }, 30_000, () => clock);
    quick.advance(2048, true);
    expect(quick.stop()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(out.text).toBe('');

    const slow = createProgressLines(out, { files: 3, bytes: 3000 }, 30_000, () => clock);
    slow.advance(500, false); // a chunk of the first file
    clock = 30_000;
    vi.advanceTimersByTime(30_000);
    slow.advance(500, true);
    slow.advance(1000, true);
    clock = 60_000;
    vi.advanceTimersByTime(30_000);
    expect(slow.stop()).toBe(true);
    vi.advanceTimersByTime(90_000);
    expect(out.text.split('\n')).toEqual([
      'yjkg: extracted 500 B of 2.9 KiB (16%), 0 of 3 files, 30s; about 2m30s left',
      'yjkg: extracted 2.0 KiB of 2.9 KiB (66%), 2 of 3 files, 1m00s; about 30s left',
      '',
    ]);
  });
});
