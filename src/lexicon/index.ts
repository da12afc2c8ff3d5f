// The domain lexicon: loads the committed data files (built by scripts/build-lexicon.mjs)
// once per thread and answers lookups from Maps. General public knowledge only.
import { readFileSync } from 'node:fs';
import type { Lexicon, Region, Supporter } from './api.js';

export type { Lexicon, Region, Supporter } from './api.js';
/** The lexicon with api.ts's optional extras guaranteed present (what getLexicon returns). */
export type FullLexicon = Required<Lexicon>;

interface RegionsFile {
  source: string;
  regions: Region[];
}
interface SupportersFile {
  regionAbbr: Record<string, string[]>;
  supporters: Supporter[];
}
interface TermsFile {
  titles: string[];
  orgSuffixes: string[];
  projectSuffixes: string[];
}

// dist/src/lexicon/ has no data/ when the JSON was not copied by tsc: fall back to the sources.
const DATA_DIRS = ['./data/', '../../../src/lexicon/data/'];

function readData<T>(file: string): T {
  let lastError: unknown;
  for (const dir of DATA_DIRS) {
    try {
      return JSON.parse(readFileSync(new URL(dir + file, import.meta.url), 'utf8')) as T;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`src/lexicon: cannot read data/${file} (run \`npm run lexicon\`): ${String(lastError)}`);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function freezeAll<T extends object>(items: T[]): readonly T[] {
  for (const item of items) Object.freeze(item);
  return Object.freeze(items);
}

function createLexicon(): FullLexicon {
  const { regions } = readData<RegionsFile>('regions.json');
  const { supporters, regionAbbr: abbrNames } = readData<SupportersFile>('supporters.json');
  const terms = readData<TermsFile>('terms.json');
  for (const r of regions) Object.freeze(r.aliases);
  for (const s of supporters) {
    Object.freeze(s.abbr);
    Object.freeze(s.supports);
  }

  // regions.json is sorted province -> prefecture -> county, so every lookup list is too:
  // the first candidate of an ambiguous surface is the higher-level region.
  const bySurface = new Map<string, Region[]>();
  const byName = new Map<string, Region>();
  const byCode = new Map<string, Region>();
  for (const r of regions) {
    if (!byName.has(r.name)) byName.set(r.name, r);
    if (r.code) byCode.set(r.code, r);
    push(bySurface, r.name, r);
    for (const a of r.aliases) push(bySurface, a, r);
  }

  const supporterBySurface = new Map<string, Supporter>();
  const supporterByAbbr = new Map<string, Supporter>();
  for (const s of supporters) {
    supporterBySurface.set(s.name, s);
    supporterBySurface.set(s.short, s);
    for (const ch of s.abbr) supporterByAbbr.set(ch, s);
  }
  const regionsByAbbr = new Map<string, Region[]>();
  for (const [ch, names] of Object.entries(abbrNames)) {
    regionsByAbbr.set(
      ch,
      names.map((n) => byName.get(n)!),
    );
  }

  const titleSet = new Set(terms.titles);
  const lexicon: FullLexicon = {
    regions: freezeAll(regions) as Region[],
    lookupRegion: (surface) => bySurface.get(surface) ?? [],
    regionByName: (name) => byName.get(name),
    regionByCode: (code) => byCode.get(code),
    parentOf: (region) => (region.parent ? byName.get(region.parent) : undefined),
    provinceOf(region) {
      let r: Region | undefined = region;
      for (let guard = 0; r && r.type !== 'Province' && guard < 8; guard++) r = r.parent ? byName.get(r.parent) : undefined;
      return r && r.type === 'Province' ? r : undefined;
    },
    supporters: freezeAll(supporters) as Supporter[],
    supporterByName: (nameOrShort) => supporterBySurface.get(nameOrShort),
    supporterByAbbr: (ch) => supporterByAbbr.get(ch),
    regionAbbr: (ch) => regionsByAbbr.get(ch) ?? [],
    isTitle: (word) => titleSet.has(word),
    titles: Object.freeze(terms.titles) as string[],
    orgSuffixes: Object.freeze(terms.orgSuffixes) as string[],
    projectSuffixes: Object.freeze(terms.projectSuffixes) as string[],
  };
  return Object.freeze(lexicon);
}

let cached: FullLexicon | undefined;

/** The lexicon, loaded on first use and shared by everything in this thread (read-only). */
export function getLexicon(): FullLexicon {
  cached ??= createLexicon();
  return cached;
}
