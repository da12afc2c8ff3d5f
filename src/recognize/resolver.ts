// resolveWith: mentions -> canonical entities, the article's home province/city (for 我省,
// 省民政厅, 省援疆前方工作组), and one EntityRecord per entity and article.
import type { Lexicon, Region } from '../lexicon/api.js';
import {
  type EntityRecord,
  type EntityRef,
  type Mention,
  type NamedEntityType,
  type RecognizedArticle,
  type ResolvedArticle,
  type ResolvedMention,
  entityKey,
} from '../types.js';
import { objectList } from './context.js';

const REGION_KINDS = new Set(['Province', 'Prefecture', 'County']);
const XINJIANG = '新疆维吾尔自治区';
const XPCC = '新疆生产建设兵团';

const ref = (type: NamedEntityType, label: string): EntityRef => ({ key: entityKey(type, label), type, label });

/** One EntityRef per (type, label) within an article: its mentions share them (refs are never mutated). */
class Refs {
  private readonly byType = new Map<NamedEntityType, Map<string, EntityRef>>();
  get(type: NamedEntityType, label: string): EntityRef {
    let byLabel = this.byType.get(type);
    if (!byLabel) this.byType.set(type, (byLabel = new Map()));
    let r = byLabel.get(label);
    if (!r) byLabel.set(label, (r = ref(type, label)));
    return r;
  }
}

interface Home {
  province?: Region;
  city?: Region;
  /** The city comes from the article's own source line or masthead (来源：某某日报): 我市/市委 mean it. */
  citySourced?: boolean;
  /** A Xinjiang prefecture's own paper (昌吉日报, 伊犁日报): 我州/州委 mean it. */
  prefecture?: Region;
  /** A Xinjiang county's own voice (我县, 本县): its media named in the source line, or the one county the article names. */
  county?: Region;
}

const SOURCE_LINE = /(?:来源|稿源|来源于)[:：]\s*([^\s|]{2,20})/gu;
const PAPER_NAME = /([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|特区报|商报|都市报)/gu;
const CHINA_SITE = /中国([\u4e00-\u9fff]{2,3}?)网/gu;

/**
 * Group 1 of every match of a global regex, appended to `out`. (A loop over exec rather than
 * [...matchAll].map: spread and map give arrays of different maps by length, which deopted the callers.)
 */
function firstGroups(re: RegExp, text: string, out: string[]): string[] {
  re.lastIndex = 0; // (none of these regexes matches the empty string)
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}

/**
 * The prefecture-level city whose own paper or site the article's source line or 本报 masthead
 * names (来源：某某日报, 某某晚报): outside Xinjiang (a supporter city: 我市) or, with `xinjiang`,
 * in it (昌吉日报: 我州). A provincial paper or site names no city.
 */
function sourceCity(text: string, lex: Lexicon, xinjiang = false): Region | undefined {
  const head = text.slice(0, 400);
  const names = firstGroups(SOURCE_LINE, head, objectList<string>());
  if (text.includes('本报')) firstGroups(PAPER_NAME, head, names);
  for (const name of names) {
    const city = regionHeading(
      name,
      lex,
      (r) => r.type === 'Prefecture' && (r.code?.startsWith('65') ?? false) === xinjiang && !r.level.startsWith('xpcc'),
      (r) => r.type === 'Province', // a provincial paper or site
    );
    if (city) return city;
  }
  return undefined;
}

/**
 * The region a media name starts with (某某日报, 某某零距离): the longest head of up to six
 * characters naming one that `accept` takes; none once a head names one `stop` matches.
 */
function regionHeading(name: string, lex: Lexicon, accept: (r: Region) => boolean, stop?: (r: Region) => boolean): Region | undefined {
  for (let len = Math.min(6, name.length); len >= 2; len--) {
    const hits = lex.lookupRegion(name.slice(0, len));
    if (stop && hits.some(stop)) return undefined;
    const r = hits.find(accept);
    if (r) return r;
  }
  return undefined;
}

/** Whether the article speaks as a region of this level (我省 / 我市 / 我州 / 我县). */
function speaksAs(a: RecognizedArticle, level: string): boolean {
  return a.mentions.some((m) => m.kind === 'Pronoun' && m.attrs?.level === level);
}

/**
 * The Xinjiang county an article speaking of 我县 speaks for: the one whose media its source line
 * names (来源：某某县融媒体中心, 来源：某某零距离), else the only Xinjiang county it names, at
 * least twice (inside names too: 某某县人民医院, 援疆某某分指挥部).
 */
function homeCounty(a: RecognizedArticle, lex: Lexicon): Region | undefined {
  const isXinjiangCounty = (r: Region | undefined): r is Region => r?.type === 'County' && (r.code?.startsWith('65') ?? false);
  for (const name of firstGroups(SOURCE_LINE, a.text, objectList<string>())) {
    const county = regionHeading(name, lex, isXinjiangCounty);
    if (county) return county;
  }
  const counts = new Map<string, number>();
  for (const m of a.mentions) {
    const r = m.kind === 'County' && m.attrs?.label ? lex.regionByName(m.attrs.label) : undefined;
    if (isXinjiangCounty(r)) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  }
  const [only, ...others] = [...counts.entries()];
  return only && others.length === 0 && only[1] >= 2 ? lex.regionByName(only[0]) : undefined;
}

/** Provinces (and supporter cities) named in a source line, masthead or 本报 paper name. */
function sourceProvince(text: string, lex: Lexicon): Region | undefined {
  const head = text.slice(0, 400);
  const lines = firstGroups(SOURCE_LINE, head, objectList<string>());
  firstGroups(CHINA_SITE, text, lines);
  for (const line of lines) {
    const r = provinceIn(line, lex);
    if (r) return r;
  }
  return undefined;
}

function provinceIn(s: string, lex: Lexicon): Region | undefined {
  for (let len = Math.min(8, s.length); len >= 2; len--) {
    for (let i = 0; i + len <= s.length; i++) {
      const hits = lex.lookupRegion(s.slice(i, i + len));
      const p = hits.find((r) => r.type === 'Province' && r.name !== XPCC);
      if (p) return p;
      const city = hits.find((r) => r.type === 'Prefecture' && lex.supporterByName(r.name));
      if (city) return city;
    }
  }
  return undefined;
}

function provinceOf(r: Region, lex: Lexicon): Region | undefined {
  let cur: Region | undefined = r;
  for (let g = 0; cur && cur.type !== 'Province' && g < 6; g++) cur = cur.parent ? lex.regionByName(cur.parent) : undefined;
  return cur?.type === 'Province' ? cur : undefined;
}

function regionOfMention(m: ResolvedMention, lex: Lexicon, context: Set<string>): Region | undefined {
  const label = m.attrs?.label;
  if (label) return lex.regionByName(label) ?? lex.lookupRegion(label).find((r) => r.type === m.kind);
  const names = m.attrs?.candidates?.split('|') ?? [];
  let cands = names.flatMap((n) => lex.lookupRegion(n).filter((r) => r.name === n && r.type === m.kind));
  if (cands.length === 0) cands = lex.lookupRegion(m.text).filter((r) => r.type === m.kind);
  // ambiguous: prefer the one whose parent (or grandparent) is mentioned, then Xinjiang, then the first
  const withParent = cands.find((r) => (r.parent && context.has(r.parent)) || (r.parent && context.has(lex.regionByName(r.parent)?.parent ?? '')));
  return withParent ?? cands.find((r) => r.code?.startsWith('65')) ?? cands[0];
}

function inferHome(a: RecognizedArticle, lex: Lexicon): Home {
  const scores = new Map<string, number>();
  const bump = (r: Region | undefined, n: number) => {
    if (!r || r.name === XINJIANG || r.name === XPCC) return;
    scores.set(r.name, (scores.get(r.name) ?? 0) + n);
  };
  const src = sourceProvince(a.text, lex);
  if (src) bump(src.type === 'Province' ? src : provinceOf(src, lex), 10);
  // a city's own paper (某某特区报 of a supporter city, 某某日报 of any city): 我市 is that city
  const ownCity = src ? (src.type === 'Prefecture' ? src : undefined) : sourceCity(a.text, lex);
  if (ownCity && !src) bump(provinceOf(ownCity, lex) ?? ownCity, 10);
  for (const m of a.text.matchAll(/([\u4e00-\u9fff]{2,3})日报/gu)) {
    const r = lex.lookupRegion(m[1]!).find((x) => x.type === 'Province');
    if (r && a.text.includes('本报')) bump(r, 3);
  }
  for (const m of a.text.matchAll(/率([\u4e00-\u9fff]{2,4}?)(?:省|市)?党政代表团/gu)) {
    bump(lex.lookupRegion(m[1]!).find((x) => x.type === 'Province'), 5);
  }
  const pronounSentences = new Set(a.mentions.filter((m) => m.kind === 'Pronoun').map((m) => m.sentence));
  const firstLineEnd = a.text.indexOf('\n') < 0 ? a.text.length : a.text.indexOf('\n');
  const cityCounts = new Map<string, number>();
  for (const m of a.mentions) {
    if (!REGION_KINDS.has(m.kind) || m.rule === 'pairing-compound') continue;
    const r = m.attrs?.label ? lex.regionByName(m.attrs.label) : undefined;
    if (!r) continue;
    const prov = r.type === 'Province' ? r : undefined;
    const weight = (m.start < firstLineEnd || (a.title && m.start < a.title.length) ? 3 : 1) + (pronounSentences.has(m.sentence) ? 2 : 0);
    if (prov) bump(prov, weight);
    else if (r.type === 'Prefecture' && !r.code?.startsWith('65') && !r.level.startsWith('xpcc')) {
      cityCounts.set(r.name, (cityCounts.get(r.name) ?? 0) + 1);
      bump(provinceOf(r, lex), weight * 0.5);
    }
  }
  const ranked = [...scores.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const [top, second] = ranked;
  const home: Home = { province: undefined, city: undefined, citySourced: undefined, prefecture: undefined, county: undefined }; // one shape, read per mention
  if (speaksAs(a, 'prefecture')) home.prefecture = sourceCity(a.text, lex, true);
  if (speaksAs(a, 'county')) home.county = homeCounty(a, lex);
  if (top && top[1] >= 3 && (!second || second[1] * 2 <= top[1])) home.province = lex.regionByName(top[0]);
  if (home.province) {
    const cities = [...cityCounts.entries()]
      .filter(([n]) => lex.regionByName(n)?.parent === home.province!.name)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    if (cities[0] && cities[0][1] >= 2 && (!cities[1] || cities[1][1] * 2 <= cities[0][1])) home.city = lex.regionByName(cities[0][0]);
  }
  if (ownCity) {
    home.city = ownCity;
    home.citySourced = true;
  }
  // a supporter city that is a province-level partner on its own (深圳市) is the home city
  if (!home.province && top && top[1] >= 3) {
    const r = lex.regionByName(top[0]);
    if (r?.type === 'Prefecture') home.city = r;
  }
  return home;
}

/** Government commissions by their usual short names (某市教委 is 某市教育委员会, not 某市教委员会). */
const COMMISSIONS: [string, string][] = [
  ['卫健委', '卫生健康委员会'], ['卫计委', '卫生和计划生育委员会'], ['发展改革委', '发展和改革委员会'], ['发改委', '发展和改革委员会'], ['经信委', '经济和信息化委员会'],
  ['工信委', '工业和信息化委员会'], ['教委', '教育委员会'], ['科委', '科学技术委员会'], ['民委', '民族事务委员会'],
  ['农委', '农业委员会'], ['建委', '建设委员会'], ['商委', '商务委员会'],
];

/** Full official form of an organisation name: 省对口支援前指 -> 湖南省对口支援前方指挥部 (home 湖南省). */
export function expandOrgName(surface: string, home: Home, mentionsXinjiang: boolean): string {
  let s = surface;
  s = s.replace(/前指(?!挥)/gu, '前方指挥部').replace(/分指$/u, '分指挥部').replace(/监管局$/u, '监督管理局');
  const commission = COMMISSIONS.find(([short]) => s.endsWith(short) && s.length > short.length);
  if (commission) s = s.slice(0, s.length - commission[0].length) + commission[1];
  else {
    const m = /^(.{4,})委$/u.exec(s);
    if (m && !/(?:党|常|纪|政法|管|编|村)委$/u.test(s)) s = `${m[1]}委员会`;
  }
  if (/^省市/u.test(s)) return surface; // 省市教育局: the province and its cities together
  if (/^省(?!市)/u.test(s) && home.province) s = home.province.name + s.slice(1);
  else if (/^市(?![县场民])/u.test(s) && home.city) s = home.city.name + s.slice(1);
  else if (/^自治区/u.test(s) && mentionsXinjiang) s = XINJIANG + s.slice(3);
  return s;
}

/** a is a conservative abbreviation of b: same first two characters, same ending, a subsequence of b. */
function abbreviates(a: string, b: string): boolean {
  if (a.length < 4 || a.length >= b.length || a.slice(0, 2) !== b.slice(0, 2) || a.slice(-2) !== b.slice(-2)) return false;
  // a whole name that another one starts with is its parent body, not a short form of it
  // (某市援疆指挥部 / 某市援疆指挥部某师分指挥部, 某某公司 / 某某公司某某分公司)
  if (b.startsWith(a)) return false;
  let j = 0;
  for (const c of b) if (c === a[j]) j++;
  return j === a.length;
}

export function resolveWith(articles: RecognizedArticle[], lex: Lexicon): ResolvedArticle[] {
  const homes = articles.map((a) => inferHome(a, lex));
  // articles without evidence take the file's home when the others agree
  const known = [...new Set(homes.map((h) => h.province?.name).filter((n): n is string => !!n))];
  // (an article with its own source line keeps what that line says)
  if (known.length === 1) for (const h of homes) if (!h.citySourced) h.province ??= lex.regionByName(known[0]!);

  const out: ResolvedArticle[] = [];
  for (let idx = 0; idx < articles.length; idx++) out.push(resolveArticle(articles[idx]!, homes[idx]!, lex));
  return out;
}

// The per-article work and its helpers are module-level functions, not closures made per call:
// V8 compiles a closure created anew for each document or article again and again (measured:
// the per-article closure this used to be was optimised 12 times over in one build).
function resolveArticle(a: RecognizedArticle, home: Home, lex: Lexicon): ResolvedArticle {
  const mentionsXinjiang = /新疆|全疆/.test(a.text);
  const refs = new Refs();
  const context = new Set<string>();
  for (const m of a.mentions) if (m.attrs?.label) context.add(m.attrs.label);

  // pushed into an object list, not mapped: map's result is holey or packed by length, and relate
  // loops over this list at many call sites (two array maps: deopts)
  const resolved = objectList<ResolvedMention>();
  for (const m of a.mentions) resolved.push(resolvedMention(m, lex, refs, context, home, mentionsXinjiang));

  // conservative in-article merge of abbreviations into a longer name of the same type
  for (const type of ['Organization', 'Project'] as const) {
    const labels = labelsOfType(resolved, type);
    const target = new Map<string, string>();
    for (const a1 of labels) {
      const longer = longestExpansion(labels, a1);
      if (longer !== undefined) target.set(a1, longer);
    }
    for (const m of resolved) {
      const t = m.entity?.type === type ? target.get(m.entity.label) : undefined;
      if (t) m.entity = refs.get(type, t);
    }
  }

  // records: nested short forms (北京 in 北京某某学院, 新疆 in 新疆某某报) are not mentions of the region
  // on their own; they count only when the region is also named elsewhere in the article.
  const records = new Map<string, EntityRecord>();
  for (const m of resolved) {
    if (!m.entity || isWeakNested(m)) continue;
    const e = m.entity;
    let rec = records.get(e.key);
    if (!rec) {
      rec = { key: e.key, type: e.type, label: e.label, aliases: [], mentions: 0 };
      if (REGION_KINDS.has(e.type)) {
        const r = lex.regionByName(e.label);
        if (r) {
          rec.level = r.level;
          if (r.code) rec.code = r.code;
        }
      }
      records.set(e.key, rec);
    }
    rec.mentions += 1;
    // 我省 / 省政府 refer to the entity but are not names of it: no alias
    if (m.kind !== 'Pronoun' && m.text !== e.label && !rec.aliases.includes(m.text)) rec.aliases.push(m.text);
    if (m.kind === 'Person') {
      const role = m.attrs?.role;
      const title = m.attrs?.title;
      if (role && !rec.attrs?.role) rec.attrs = { ...rec.attrs, role };
      if (title && !rec.attrs?.title) rec.attrs = { ...rec.attrs, title };
    }
  }
  const entities = [...records.values()];
  for (const r of entities) r.aliases.sort(); // the records are this function's own: sort in place
  entities.sort(byKey);
  // a city paper speaking of 我市/市委 (and not of 我省) has its city as home
  const ofProvince = speaksAs(a, 'province');
  const cityVoice = home.city && (home.citySourced || !home.province) && !ofProvince && speaksAs(a, 'city');
  // …and a Xinjiang prefecture's paper speaking of 我州 (home.prefecture is set only then) has the prefecture
  const prefectureVoice = home.prefecture && !ofProvince;
  // …and a county's (我县: home.county is set only then), unless the article also speaks for a province or city
  const countyVoice = home.county && !ofProvince && !cityVoice && !prefectureVoice;
  const homeRegion = prefectureVoice ? home.prefecture : countyVoice ? home.county : cityVoice ? home.city : home.province ?? home.city;
  // every field named, in one order (title/home undefined rather than absent): one article shape
  // for relate, whose rules all read the article (a spread copies the varying shapes of normalize)
  return {
    id: a.id,
    file: a.file,
    index: a.index,
    title: a.title,
    text: a.text,
    offsets: a.offsets,
    ends: a.ends,
    original: a.original,
    originalStart: a.originalStart,
    damaged: a.damaged,
    messages: a.messages,
    sentences: a.sentences,
    tokens: a.tokens,
    mentions: resolved,
    entities,
    home: homeRegion ? ref(homeRegion.type, homeRegion.name) : undefined, // always a key: one article shape
  };
}

const byKey = (x: EntityRecord, y: EntityRecord) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/** Distinct labels of the mentions resolved to an entity of this type, in first-seen order. */
function labelsOfType(resolved: ResolvedMention[], type: string): string[] {
  const labels = new Set<string>();
  for (const m of resolved) if (m.entity?.type === type) labels.add(m.entity.label);
  return [...labels];
}

/**
 * The longest label that `a1` abbreviates or ends (6+ characters), or that is `a1` with 项目
 * after it (某某产业园 and 某某产业园项目 are one project), ties by code order; undefined when none.
 */
function longestExpansion(labels: string[], a1: string): string | undefined {
  let best: string | undefined;
  for (const b of labels) {
    if (b === a1 || !(abbreviates(a1, b) || (b.endsWith(a1) && a1.length >= 6) || (a1.length >= 4 && b.length === a1.length + 2 && b.startsWith(a1) && b.endsWith('项目')))) continue;
    if (best === undefined || b.length > best.length || (b.length === best.length && b < best)) best = b;
  }
  return best;
}

/** One mention copied with its entity (every key always present, in the same order). */
function resolvedMention(m: Mention, lex: Lexicon, refs: Refs, context: Set<string>, home: Home, mentionsXinjiang: boolean): ResolvedMention {
  let entity: EntityRef | undefined;
  if (REGION_KINDS.has(m.kind)) {
    const r = regionOfMention(m, lex, context);
    if (r) entity = refs.get(r.type, r.name);
  } else if (m.kind === 'Person') {
    entity = refs.get('Person', m.text);
  } else if (m.kind === 'Organization') {
    entity = refs.get('Organization', expandOrgName(m.text, home, mentionsXinjiang));
  } else if (m.kind === 'Project') {
    entity = refs.get('Project', m.text);
  } else if (m.kind === 'Pronoun') {
    const level = m.attrs?.level;
    const target =
      level === 'province' ? home.province :
      level === 'city' ? home.city :
      level === 'prefecture' ? home.prefecture :
      level === 'county' ? home.county :
      level === 'region' && !home.province && mentionsXinjiang ? lex.regionByName(XINJIANG) : undefined;
    if (target) entity = refs.get(target.type, target.name);
  }
  // the copy is made with its entity, every key always present in the same order (entity
  // undefined when unresolved): one shape for all mentions, so relate's call sites stay monomorphic
  return { kind: m.kind, text: m.text, start: m.start, end: m.end, sentence: m.sentence, rule: m.rule, value: m.value, attrs: m.attrs, entity };
}

/** A short region form inside an organisation or a 《work》 title (湖南 in 中国湖南网, 北京 in 北京某某学院). */
function isWeakNested(m: ResolvedMention): boolean {
  const inside = m.attrs?.inside;
  // an organisation/project inside a longer one (中科院 in 中科院某某化学研究所) is kept for relations only
  if ((m.kind === 'Organization' || m.kind === 'Project') && inside) return inside === m.kind;
  if (!REGION_KINDS.has(m.kind) || (inside !== 'Organization' && inside !== 'Work' && inside !== 'Project-name')) return false;
  // an aid body names its supporter (江西援疆工作队): that is a mention of the province
  if (m.attrs?.host && /援|对口|支援/.test(m.attrs.host)) return false;
  return m.rule === 'lexicon-alias' || m.rule === 'bare-xpcc' || m.rule === 'bare-autonomous-region' || m.rule === 'pairing-compound';
}
