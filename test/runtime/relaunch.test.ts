// The CLI starts `build` again in a child node with the V8 flags it needs from start-up
// (src/runtime.ts), exactly once: not when they are already there, not from that child. A
// signal that ends the build ends the CLI the same way (a shell sees the interruption).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, needsRelaunch } from '../../src/runtime.js';
import { CLI, ROOT } from '../e2e/cli.js';

const root = mkdtempSync(join(tmpdir(), 'yjkg-relaunch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('needsRelaunch', () => {
  it('asks for a child without the flags, and not with them or inside the child', () => {
    expect(BUILD_NODE_FLAGS).toContain('--single-threaded-gc');
    expect(needsRelaunch([], {})).toBe(true);
    expect(needsRelaunch(['--inspect'], {})).toBe(true);
    expect(needsRelaunch([...BUILD_NODE_FLAGS, '--inspect'], {})).toBe(false);
    expect(needsRelaunch([], { YJKG_RELAUNCHED: '1' })).toBe(false);
  });
});

describe('yjkg build in its child', () => {
  it('passes a SIGTERM on to the build and then ends of that signal itself', async () => {
    // Enough text (the seeds, many times over) that the build is still running when the signal comes.
    const seeds = readdirSync(join(ROOT, 'seeds')).map((name) => readFileSync(join(ROOT, 'seeds', name), 'utf8'));
    for (let f = 0; f < 12; f++) writeFileSync(join(root, `copy-${f}.txt`), seeds.join('\n\n').repeat(24));
    const cli = spawn(process.execPath, [CLI, 'build', root, '--out', join(root, 'out'), '-q'], { env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    cli.kill('SIGTERM'); // to the CLI process alone, as `timeout` or a supervisor would send it
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => cli.once('exit', (c, s) => resolve([c, s])));
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
  }, 30_000);
});
