// The lexicon holds general public knowledge only: no person, organisation or project of the
// sample articles may appear in src/lexicon (data, sources or code). Names are taken from the
// gold annotation of the seeds when it is present, plus a fixed sample that always runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/lexicon/index.js';

const LEXICON_DIR = new URL('../../src/lexicon/', import.meta.url).pathname;
const GOLD = new URL('../../../shared/gold/seeds.gold.json', import.meta.url).pathname;

// A fixed sample of Person / Organization / Project names from the seeds' gold annotation.
const SAMPLE = [
  '骆惠宁', '陈全国', '李世英', '侯永锋', '陆志林',
  '山西省援疆前方指挥部', '天业集团', '苏北医院', '阳煤集团', '辽宁省化学制药集团',
  '晋阜小学', '222团党群服务中心建设项目', '乌苏工业园', '哈萨克风情园', '丝路文化商品城', '新疆国泰新华现代煤化工项目',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function goldNames(): { name: string; generic: boolean }[] {
  if (!existsSync(GOLD)) return [];
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as {
    documents: { entities: { type: string; name: string; aliases: string[] }[] }[];
  };
  return gold.documents.flatMap((d) =>
    d.entities
      .filter((e) => e.type === 'Person' || e.type === 'Organization' || e.type === 'Project')
      .flatMap((e) => [{ name: e.name, generic: false }, ...e.aliases.map((a) => ({ name: a, generic: true }))]),
  );
}

describe('lexicon holds no names from the sample articles', () => {
  const text = filesUnder(LEXICON_DIR)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const lex = getLexicon();
  // Aliases such as 代表团 or 中医院 are generic vocabulary the lexicon rightly lists as suffixes.
  const vocabulary = [...lex.titles, ...lex.orgSuffixes, ...lex.projectSuffixes];
  const isVocabulary = (n: string) => vocabulary.some((w) => w.includes(n));

  it('has none of a fixed sample', () => {
    expect(text.length).toBeGreaterThan(100_000);
    for (const name of SAMPLE) expect(text.includes(name), name).toBe(false);
  });

  const leaks = (haystack: string) =>
    goldNames()
      .filter(({ name, generic }) => name.length >= 2 && !(generic && isVocabulary(name)))
      .filter(({ name }) => haystack.includes(name))
      .map(({ name }) => name);

  it('has none of the gold Person / Organization / Project names', () => {
    expect(leaks(text)).toEqual([]);
  });

  it('would notice a leak', () => {
    if (goldNames().length > 0) expect(leaks(`${text}\n"天业集团"`)).toContain('天业集团');
    expect(`${text}\n"天业集团"`.includes(SAMPLE[6])).toBe(true);
  });
});
