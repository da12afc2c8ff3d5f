// House rule "generalise, never memorise": no person, organisation or project named in the sample
// gold may appear anywhere in src/ (code, comments, lexicon data), except the few generic words
// below that happen to be the whole name of a gold entity or alias (a suffix, an organ of any province).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GOLD = '/work/shared/gold/seeds.gold.json';
const SRC = new URL('../../src/', import.meta.url).pathname;
/** Generic vocabulary, not names: organisation suffixes and the bare organs of "the" province. */
const ALLOW = new Set(['代表团', '中医院', '妇幼保健', '妇幼保健院', '指挥组', '省人大常委会']);

interface Gold { documents: { entities: { type: string; name: string; aliases: string[] }[] }[] }

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function goldNames(gold: Gold): string[] {
  const names = new Set<string>();
  for (const d of gold.documents) {
    for (const e of d.entities) {
      if (!['Person', 'Organization', 'Project'].includes(e.type)) continue;
      for (const n of [e.name, ...e.aliases]) if (n.length >= 3 || e.type === 'Person') names.add(n);
    }
  }
  return [...names].sort();
}

/** Every (name, file) where a gold name occurs in a file of src/. */
function memorisedHits(names: string[], dir: string): string[] {
  const hits: string[] = [];
  for (const p of files(dir)) {
    const text = readFileSync(p, 'utf8');
    for (const n of names) if (!ALLOW.has(n) && text.includes(n)) hits.push(`${n} in ${p.slice(dir.length)}`);
  }
  return hits;
}

describe('no memorised sample names in src/', () => {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const names = goldNames(gold);

  it('the check sees the gold names and would catch one', () => {
    expect(names.length).toBeGreaterThan(50);
    const person = gold.documents.flatMap((d) => d.entities).find((e) => e.type === 'Person')!.name;
    expect(names).toContain(person);
    // the matcher itself: a planted name is found, an allowed generic word is not
    const dir = mkdtempSync(join(tmpdir(), 'memorised-'));
    try {
      writeFileSync(join(dir, 'x.ts'), `// e.g. ${person} and 指挥组\n`);
      expect(memorisedHits(names, `${dir}/`)).toEqual([`${person} in x.ts`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds none of them anywhere in src/', () => {
    expect(memorisedHits(names, SRC)).toEqual([]);
  });
});
