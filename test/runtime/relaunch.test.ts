// The CLI starts `build` again in a child node with the V8 flags it needs from start-up
// (src/runtime.ts), exactly once: not when they are already there, not from that child.
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, needsRelaunch } from '../../src/runtime.js';

describe('needsRelaunch', () => {
  it('asks for a child without the flags, and not with them or inside the child', () => {
    expect(BUILD_NODE_FLAGS).toContain('--single-threaded-gc');
    expect(needsRelaunch([], {})).toBe(true);
    expect(needsRelaunch(['--inspect'], {})).toBe(true);
    expect(needsRelaunch([...BUILD_NODE_FLAGS, '--inspect'], {})).toBe(false);
    expect(needsRelaunch([], { YJKG_RELAUNCHED: '1' })).toBe(false);
  });
});
