// Generalisation check on test/holdout/: ten articles (UTF-8, GB18030, Big5, traditional, pinyin-
// glossed, a three-article file) written and annotated by someone who never read src/, naming
// supporters, regions, people and projects that the samples do not. The floors below are the
// pipeline issue's bars, except where noted; the measured table is in the README.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/cli.js';

const HOLDOUT = path.join(ROOT, 'test/holdout');
const tmp = mkdtempSync(path.join(tmpdir(), 'yjkg-holdout-'));
let report: any;

beforeAll(async () => {
  const articles = readdirSync(HOLDOUT).filter((f) => f.endsWith('.txt')).map((f) => path.join('test/holdout', f));
  expect(articles.length).toBe(10);
  const build = await runCli(['build', ...articles, '--out', tmp, '--workers', '2']);
  expect(build.code, build.stderr).toBe(0);
  const evalRun = await runCli(['eval', '--gold', path.join(HOLDOUT, 'gold.json'), '--graph', path.join(tmp, 'graph.json'), '--json']);
  expect(evalRun.code, evalRun.stderr).toBe(0);
  report = JSON.parse(evalRun.stdout);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const score = (group: 'entities' | 'relations', type: string) => report[group].find((s: any) => s.type === type);

describe('holdout corpus (never seen while writing the rules)', () => {
  it.each([
    ['Province', 0.9],
    ['Prefecture', 0.9],
    ['County', 0.9],
    ['Person', 0.85],
    ['Organization', 0.6],
    ['Project', 0.6],
  ])('%s F1 >= %s', (type, floor) => {
    expect(score('entities', type).f1).toBeGreaterThanOrEqual(floor);
  });

  it('SUPPORTS recall and precision >= 0.9', () => {
    expect(score('relations', 'SUPPORTS').recall).toBeGreaterThanOrEqual(0.9);
    expect(score('relations', 'SUPPORTS').precision).toBeGreaterThanOrEqual(0.9);
  });

  it('HOLDS_POSITION F1 >= 0.7 and FUNDS F1 >= 0.6', () => {
    expect(score('relations', 'HOLDS_POSITION').f1).toBeGreaterThanOrEqual(0.7);
    expect(score('relations', 'FUNDS').f1).toBeGreaterThanOrEqual(0.6);
  });
});
