// LOCATED_IN: where a project or organisation is.
//   loc.name      叶城县第二小学 -> 叶城县 (facility named after its place; see places.ts)
//   loc.adjacent  库尔勒市某纺织集团, 博州湖南省援疆前方指挥部: a place written right before a name
//   loc.at-verb   在X(及Y)设立/建设/举办/实施/打造 … P (X a place, or a named venue in a place)
//   loc.settle    P落户/落地/位于/坐落于/选址在 X (the most specific of 昌吉州奇台县); P，位于 X;
//                 P在X开工建设/落地 (a project, a construction verb after the place); 位于X的P
//   loc.this      P…，项目位于 X / (P.) 该项目位于 X: the project just named
//   loc.inside    X博物馆内，P…
import type { EntityRef, ResolvedMention } from '../types.js';
import { isOrg, isProject, projectBefore, refOfRegion, THIS_PROJECT, type ArticleContext, type SentenceView } from './context.js';
import { placeFromName } from './places.js';

const AT_VERB = /设立|建设|建造|举办|实施|打造|兴建|开设|创建|建成|投建|开办|设置|成立|承办|开展|落户|落地|援建|新建|启动/u;
const SETTLE = /^(落户于|落户|落地|位于|坐落于|坐落在|建在|选址于|选址在|选址)/u;
// P在X开工建设 / P在X落地: a project followed by where it is being built
const AT_PLACE_VERB = /^(?:的)?[^，。；,;]{0,6}?(?:开工|动工|奠基|建设|落地|实施|投产|建成|运营)/u;
// Stative verbs keep their subject across a comma (某某示范园项目，位于于田县); the others do not.
const SETTLE_AFTER_COMMA = /^[，,](位于|坐落于|坐落在)/u;
// A clause about "the project" just named: 该项目位于 / ，项目选址于 / 该工程坐落在
const THIS_PROJECT_SETTLES = new RegExp(`${THIS_PROJECT.source}(?=落户|落地|位于|坐落|建在|选址)`, 'gu');
const CLAUSE = /[，。；：！？,;:!?]/u;

function isNamed(m: ResolvedMention): boolean {
  return isProject(m) || isOrg(m);
}

/** The place a mention stands for: a region, or the region a named venue starts with. */
function placeOf(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (m.kind === 'Pronoun' || m.rule === 'pairing-compound') return undefined;
  const r = ctx.regionRef(m);
  if (r) return r;
  if (isNamed(m)) {
    const lead = ctx.leadingRegion(m.entity!.label);
    if (lead && lead.region.type !== 'Province') return refOfRegion(lead.region);
  }
  return undefined;
}

/** Regions of a stretch, without a region directly followed by one inside it (六师五家渠市 -> 五家渠市). */
function mostSpecific(ctx: ArticleContext, ms: ResolvedMention[]): EntityRef[] {
  const out: EntityRef[] = [];
  for (let i = 0; i < ms.length; i++) {
    const place = placeOf(ctx, ms[i]!);
    if (!place) continue;
    const next = ms[i + 1];
    const nextPlace = next && next.start === ms[i]!.end ? placeOf(ctx, next) : undefined;
    if (nextPlace && ctx.isAncestor(place.label, nextPlace.label)) continue;
    out.push(place);
  }
  return out;
}

export function findLocated(ctx: ArticleContext): void {
  const seenName = new Set<string>();
  ctx.sentences.forEach((s, index) => {
    // loc.name
    for (const m of s.top) {
      if (!isProject(m) || seenName.has(m.entity!.key)) continue;
      seenName.add(m.entity!.key);
      const place = placeFromName(ctx, m.entity!.label);
      if (place) ctx.add({ type: 'LOCATED_IN', source: m.entity!, target: refOfRegion(place), attrs: undefined, sentence: s.index, confidence: 0.8, rule: 'loc.name' });
    }
    // loc.adjacent
    for (let i = 0; i + 1 < s.top.length; i++) {
      const a = s.top[i]!;
      const b = s.top[i + 1]!;
      if (a.end !== b.start || !isNamed(b) || a.kind === 'Pronoun' || a.rule === 'pairing-compound') continue;
      const place = ctx.regionRef(a);
      if (!place) continue;
      const lead = ctx.leadingRegion(b.entity!.label);
      if (lead && (lead.region.name === place.label || ctx.isAncestor(place.label, lead.region.name))) continue;
      if (lead && !ctx.isXinjiang(place.label)) continue; // 河北 + 巴州…: a pairing, not a place
      ctx.add({ type: 'LOCATED_IN', source: b.entity!, target: place, attrs: undefined, sentence: s.index, confidence: 0.8, rule: 'loc.adjacent' });
    }
    atVerb(ctx, s);
    // loc.settle
    for (const p of s.top) {
      if (!isNamed(p)) continue;
      // (a name read without the 项目 written after it: 某某示范园|项目位于)
      const rest = ctx.text(p.end, s.end);
      const skip = /^(?:项目|工程)/u.exec(rest)?.[0].length ?? 0;
      const verb = SETTLE.exec(rest.slice(skip)) ?? SETTLE_AFTER_COMMA.exec(rest.slice(skip));
      if (!verb) {
        // P在X开工建设
        if (!isProject(p) || rest[skip] !== '在') continue;
        const settled = settledAt(ctx, s, p.end + skip + 1);
        if (settled && AT_PLACE_VERB.test(ctx.text(settled.end, s.end))) ctx.add({ type: 'LOCATED_IN', source: p.entity!, target: settled.place, attrs: undefined, sentence: s.index, confidence: 0.8, rule: 'loc.settle' });
        continue;
      }
      const place = settledAt(ctx, s, p.end + skip + verb[0].length)?.place;
      if (place) ctx.add({ type: 'LOCATED_IN', source: p.entity!, target: place, attrs: undefined, sentence: s.index, confidence: 0.85, rule: 'loc.settle' });
    }
    // loc.this: the project is the last one named earlier in the sentence, or else the one
    // named last before it (projectBefore, as funds.ts reads 该项目总投资)
    for (const clause of s.text.matchAll(THIS_PROJECT_SETTLES)) {
      const at = s.start + clause.index!;
      const named = s.top.filter((m) => m.end <= at && isNamed(m));
      const lastNamed = named[named.length - 1];
      const project = lastNamed ? (isProject(lastNamed) ? lastNamed : undefined) : projectBefore(ctx, index);
      const afterNoun = at + clause[0].length;
      const verb = SETTLE.exec(ctx.text(afterNoun, s.end));
      const place = project && verb ? settledAt(ctx, s, afterNoun + verb[0].length)?.place : undefined;
      if (place) ctx.add({ type: 'LOCATED_IN', source: project!.entity!, target: place, attrs: undefined, sentence: s.index, confidence: 0.75, rule: 'loc.this' });
    }
    // loc.settle: 位于X的P (the place as the project's attribute)
    for (let k = s.text.indexOf('位于'); k >= 0; k = s.text.indexOf('位于', k + 2)) {
      const settled = settledAt(ctx, s, s.start + k + 2);
      if (!settled || ctx.a.text[settled.end] !== '的') continue;
      const p = s.top.find((m) => m.start === settled.end + 1);
      if (p && isProject(p)) ctx.add({ type: 'LOCATED_IN', source: p.entity!, target: settled.place, attrs: undefined, sentence: s.index, confidence: 0.8, rule: 'loc.settle' });
    }
    // loc.inside
    for (let i = 0; i + 1 < s.top.length; i++) {
      const venue = s.top[i]!;
      const p = s.top[i + 1]!;
      if (!isProject(p) || !/^[内里][，,]?$/u.test(ctx.text(venue.end, p.start))) continue;
      const place = placeOf(ctx, venue);
      if (place) ctx.add({ type: 'LOCATED_IN', source: p.entity!, target: place, attrs: undefined, sentence: s.index, confidence: 0.7, rule: 'loc.inside' });
    }
  });
}

/**
 * The place written right at `at`, and where what names it ends: the last of a run of adjacent
 * regions (昌吉州奇台县 -> 奇台县), or the place a named venue there starts with
 * (某市经济技术开发区 -> 某市).
 */
function settledAt(ctx: ArticleContext, s: SentenceView, at: number): { place: EntityRef; end: number } | undefined {
  let last: ResolvedMention | undefined;
  for (const m of s.top) {
    if (m.start < at) continue;
    if (m.start !== at || m.kind === 'Pronoun') break;
    if (!ctx.regionRef(m)) {
      // (a venue only as the first thing there: 昌吉州某某园区 keeps 昌吉州)
      const venue = !last && isNamed(m) && !isProject(m) ? placeOf(ctx, m) : undefined;
      if (venue) return { place: venue, end: m.end };
      break;
    }
    last = m;
    at = m.end;
  }
  return last ? { place: ctx.regionRef(last)!, end: last.end } : undefined;
}

/** 在X(及Y)…设立/举办/实施(的) P */
function atVerb(ctx: ArticleContext, s: SentenceView): void {
  for (let k = s.text.indexOf('在'); k >= 0; k = s.text.indexOf('在', k + 1)) {
    const at = s.start + k;
    if (s.all.some((m) => m.start <= at && at < m.end)) continue;
    const rest = ctx.text(at + 1, s.end);
    const verb = AT_VERB.exec(rest);
    if (!verb) continue;
    const verbStart = at + 1 + verb.index;
    if (CLAUSE.test(ctx.text(at, verbStart)) || verbStart - at > 24) continue;
    const phrase = s.top.filter((m) => m.start > at && m.end <= verbStart);
    if (phrase.length === 0 || phrase[0]!.start - at > 3) continue;
    const places = mostSpecific(ctx, phrase);
    if (places.length === 0) continue;
    const afterVerb = verbStart + verb[0].length;
    // the project: first named project after the verb, across at most one comma
    let commas = 0;
    let project: ResolvedMention | undefined;
    let pos = afterVerb;
    for (const m of s.top) {
      if (m.start < afterVerb) continue;
      commas += (ctx.text(pos, m.start).match(/[，,]/gu) ?? []).length;
      if (commas > 1 || /[。；;]/u.test(ctx.text(pos, m.start))) break;
      if (isProject(m)) {
        project = m;
        break;
      }
      pos = m.end;
    }
    if (!project) continue;
    for (const place of places) {
      // 在广东援建的P: a supporter before 援建 is who builds, not where
      if (verb[0] === '援建' && !ctx.isXinjiang(place.label)) continue;
      ctx.add({ type: 'LOCATED_IN', source: project.entity!, target: place, attrs: undefined, sentence: s.index, confidence: 0.75, rule: 'loc.at-verb' });
    }
  }
}
