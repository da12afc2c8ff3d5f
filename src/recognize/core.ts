// recognizeWith: all mention rules over one segmented article, with an explicit lexicon
// (src/recognize.ts passes getLexicon(); tests may pass a small one).
import type { Lexicon } from '../lexicon/api.js';
import type { Mention, RecognizedArticle, SegmentedArticle } from '../types.js';
import { makeContext, objectList } from './context.js';
import { indexLexicon } from './lexicon-index.js';
import { findOrganizations } from './orgs.js';
import { findPersons } from './persons.js';
import { findBareRegionWords, findLexiconRegions, findPairingCompounds, findXpcc } from './regions.js';
import { findDates, findMoney, findPronouns, findTitles } from './values.js';

const ENTITY_KINDS = new Set(['Person', 'Province', 'Prefecture', 'County', 'Project', 'Organization']);
const REGION_KINDS = new Set(['Province', 'Prefecture', 'County']);
const WORK_TITLE = /《[^《》\n]{1,40}》/gu; // a 《work》 title

export function compareMentions(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** The first of the mentions with the smallest start, among those starting before `before`. */
function earliestStart(ms: Mention[] | undefined, before: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of ms ?? []) if (m.start < before && (!best || m.start < best.start)) best = m;
  return best;
}

// Helpers of recognizeWith are module-level functions rather than closures made per article:
// V8 optimises such a closure again for many of the articles (measured with --trace-opt).

/** Marks the characters of each mention in `arr`. */
function cover(ms: Mention[], arr: Uint8Array): void {
  for (const m of ms) for (let i = m.start; i < m.end; i++) arr[i] = 1;
}

/** Is any character of [start, end) marked in a or b? */
function anyCovered(start: number, end: number, a: Uint8Array, b: Uint8Array): boolean {
  for (let i = start; i < end; i++) if (a[i] || b[i]) return true;
  return false;
}

function overlapsAny(m: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
  for (const d of spans) if (m.start < d.end && d.start < m.end) return true;
  return false;
}

export function recognizeWith(article: SegmentedArticle, lex: Lexicon): RecognizedArticle {
  const ctx = makeContext(article, indexLexicon(lex));
  const n = article.text.length;
  const regionCover = new Uint8Array(n + 1);

  // Regions: XPCC patterns, lexicon surfaces, bare 兵团/自治区, then pairing compounds.
  const xpcc = findXpcc(ctx);
  cover(xpcc, regionCover);
  const lexical = findLexiconRegions(ctx, (i) => regionCover[i] === 1);
  cover(lexical, regionCover);
  const bare = findBareRegionWords(ctx, (i) => regionCover[i] === 1);
  cover(bare, regionCover);

  // Organisations and projects grow leftwards from a suffix over names (regions included).
  const regions = [...xpcc, ...lexical, ...bare];
  const orgs = findOrganizations(ctx, regions);
  const orgCover = new Uint8Array(n + 1);
  cover(orgs.filter((m) => !m.attrs?.inside), orgCover);

  const pairing = findPairingCompounds(ctx, (i) => regionCover[i] === 1 || orgCover[i] === 1);

  // Regions inside an organisation/project/《work》 stay, marked as nested.
  const outer = orgs.filter((m) => !m.attrs?.inside);
  // (an exec loop into an object list: [...matchAll].map gives arrays of different maps by length)
  const works = objectList<{ start: number; end: number }>();
  WORK_TITLE.lastIndex = 0;
  for (let m = WORK_TITLE.exec(article.text); m; m = WORK_TITLE.exec(article.text)) works.push({ start: m.index, end: m.index + m[0].length });
  const regionLike = [...regions, ...pairing]; // built once: the loop below asks it per region
  // outer names never overlap (findOrganizations keeps one of two overlapping): the one covering
  // r.start is the only possible host
  const outerAt = new Int32Array(n + 1).fill(-1);
  outer.forEach((o, k) => outerAt.fill(k, o.start, o.end));
  for (const r of regionLike) {
    if (r.attrs?.inside) continue;
    const covering = outerAt[r.start]!;
    const host = r.start === r.end ? outer.find((o) => o.start <= r.start && r.end <= o.end) // (empty: not seen, kept exact)
      : covering >= 0 && r.end <= outer[covering]!.end ? outer[covering] : undefined;
    if (host) {
      // in a project name only the leading place is where it is (奎屯工业园); a later one names a donor (和田市某某小学)
      const firstInHost = !regionLike.some((o) => o !== r && o.start >= host.start && o.end <= r.start);
      const pairingInside = r.rule === 'pairing-compound';
      // (assigned onto a copy: cheaper here than an object spread over attrs of several shapes)
      const attrs: Record<string, string> = Object.assign({}, r.attrs);
      attrs.inside = host.kind === 'Project' && (!firstInHost || pairingInside) ? 'Project-name' : host.kind;
      attrs.host = host.text;
      r.attrs = attrs;
    }
    else if (works.some((w) => w.start < r.start && r.end < w.end)) r.attrs = { ...r.attrs, inside: 'Work' };
  }

  // A place's short name inside a name after a title is the person's given name (援疆干部段嘉兴:
  // not 嘉兴), there and wherever the name comes again: allowed when every region there is a
  // short alias lying after the surname, inside the name; those regions are then dropped.
  const regionsInside = (s: number, e: number) => regionLike.filter((r) => !r.attrs?.inside && r.start < e && s < r.end);
  const givenNamePlace = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (orgCover[i]) return false;
    const inside = regionsInside(s, e);
    return inside.length > 0 && inside.every((r) => r.start > s && r.end <= e && r.rule !== 'pairing-compound' && !/[省市县州区盟旗团师]$/.test(r.text));
  };
  const persons = findPersons(ctx, {
    blocked: (s, e, titled) => anyCovered(s, e, regionCover, orgCover) && !(titled && givenNamePlace(s, e)),
  });
  const givenNames = new Set<Mention>();
  // (a person overlaps a region only where `blocked` allowed it as a given name)
  for (const p of persons) if (regionCover.subarray(p.start, p.end).includes(1)) for (const r of regionsInside(p.start, p.end)) givenNames.add(r);
  if (givenNames.size > 0) {
    for (const list of [regions, pairing]) for (let i = list.length - 1; i >= 0; i--) if (givenNames.has(list[i]!)) list.splice(i, 1);
  }
  const personCover = new Uint8Array(n + 1);
  cover(persons, personCover);

  // Cues: titles (not inside names), pronouns, money, dates.
  const titles = objectList<Mention>();
  for (const t of findTitles(ctx)) if (!anyCovered(t.start, t.end, personCover, orgCover)) titles.push(t);
  // names by end offset (in [...outer, ...regions] order), once, not per title
  const prefixByEnd = new Map<number, Mention[]>();
  for (const m of [...outer, ...regions]) {
    if (m.attrs?.inside) continue;
    const list = prefixByEnd.get(m.end);
    if (list) list.push(m);
    else prefixByEnd.set(m.end, [m]);
  }
  for (const t of titles) {
    // the organisation or region written right before the title: 新源县委副书记, 常州市第三批援疆工作组组长
    // (the latest end, then the earliest start, then the first listed)
    const prefix = earliestStart(prefixByEnd.get(t.start + 1), t.start) ?? earliestStart(prefixByEnd.get(t.start), t.start);
    if (prefix) t.attrs = { org: prefix.text, orgKind: prefix.kind, orgStart: String(prefix.start) };
  }
  const pronouns = objectList<Mention>();
  for (const p of findPronouns(ctx)) if (p.rule === 'pronoun' || !anyCovered(p.start, p.end, personCover, orgCover)) pronouns.push(p);
  const values = [...findMoney(ctx), ...findDates(ctx)];

  const all = [...regions, ...pairing, ...orgs, ...persons, ...titles, ...pronouns, ...values];
  const damaged = article.damaged;
  const mentions = objectList<Mention>();
  for (const m of all) if ((!ENTITY_KINDS.has(m.kind) || m.end > m.start) && !overlapsAny(m, damaged)) mentions.push(m);
  mentions.sort(compareMentions);
  void REGION_KINDS;
  return { ...article, mentions };
}
