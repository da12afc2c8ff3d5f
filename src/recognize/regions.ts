// Region mentions: XPCC division/regiment patterns, then leftmost-longest lexicon matching,
// then one-character pairing compounds (晋疆, 浙阿, 豫哈) resolved through the official pairings.
import type { Region, Supporter } from '../lexicon/api.js';
import type { Mention } from '../types.js';
import { type Context, isHan, onTokenBoundaries, placeNameEndingAt } from './context.js';
import { isXinjiang, parseChineseNumber } from './lexicon-index.js';
import { codeMask } from '../util/code-mask.js';

/** Short surfaces that are ordinary words far more often than places. */
const AMBIGUOUS_SHORT = new Set([
  '温泉', '和平', '新华', '东方', '长安', '永和', '太平', '安全', '城中', '中山', '青山', '白山', '黄山', '通化',
  '开发', '新城', '城关', '向阳', '光明', '团结', '红星', '胜利', '前进', '五一', '七一', '八一',
  '宁安', '永安', '安宁', '清河', '新和', '和静', '和硕', '青河', '福海', '富蕴', '托里', '民丰', '于田',
  '新星', '白杨', '双河', '昆玉',
]);
const TYPE_RANK: Record<string, number> = { Province: 0, Prefecture: 1, County: 2 };
const REGION_TAGS = new Set(['ns', 'PROV', 'PREF', 'CNTY', 'XPCC', 'REGION']);

export const CN_NUM = '一二三四五六七八九十百〇零';
// 兵团第十二师二二二团 / 十二师222团 / 六师 / 农六师 / 兵团一师 / 222团
const XPCC_RE = new RegExp(
  `(?:新疆生产建设兵团|兵团)?(?:农)?(第)?([一二三四五六七八九十]{1,3})师(?![范生资傅徒德兄弟姐妹父表])` +
    `(?:([${CN_NUM}]{2,4}|\\d{2,3})团(?!结|队|员|委|体|伙|组|拜|聚|圆|购|日|课|部|长|徽|支部))?` +
    `|(?:(?:新疆生产建设兵团|兵团)?)([${CN_NUM}]{2,4}|\\d{2,3})团(?!结|队|员|委|体|伙|组|拜|聚|圆|购|日|课|部|长|徽|支部)`,
  'gu',
);

export function findXpcc(ctx: Context): Mention[] {
  const out: Mention[] = [];
  const { divisions, regiments } = ctx.ix;
  for (const m of ctx.text.matchAll(XPCC_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    // the numeral must not continue a longer number written before the match (二十二团 vs 十二团)
    if (start > 0 && (/[\d]/.test(ctx.text[start - 1]!) || CN_NUM.includes(ctx.text[start - 1]!))) continue;
    if (m[2] !== undefined) {
      const div = divisions.get(parseChineseNumber(m[2]));
      if (!div) continue;
      if (m[3] !== undefined) {
        const n = parseChineseNumber(m[3]);
        const reg = (regiments.get(n) ?? []).find((r) => r.parent === div.name);
        if (reg) {
          out.push(ctx.mention('County', start, end, 'xpcc-regiment', { attrs: { label: reg.name } }));
          const divEnd = end - m[3].length - 1;
          out.push(ctx.mention('Prefecture', start, divEnd, 'xpcc-division', { attrs: { label: div.name, inside: 'County' } }));
          continue;
        }
      }
      const divEnd = m[3] !== undefined ? end - m[3].length - 1 : end;
      out.push(ctx.mention('Prefecture', start, divEnd, 'xpcc-division', { attrs: { label: div.name } }));
    } else if (m[4] !== undefined) {
      const regs = regiments.get(parseChineseNumber(m[4])) ?? [];
      // a bare regiment number resolves only when exactly one regiment has it
      if (regs.length === 1) {
        out.push(ctx.mention('County', start, end, 'xpcc-regiment', { attrs: { label: regs[0]!.name } }));
      } else if (regs.length > 1) {
        out.push(ctx.mention('County', start, end, 'xpcc-regiment', { attrs: { candidates: regs.map((r) => r.name).join('|') } }));
      }
    }
  }
  return out;
}

const byLevel = (regions: Region[]) => [...regions].sort((a, b) => TYPE_RANK[a.type]! - TYPE_RANK[b.type]!);
/** A county outside Xinjiang is read by a name not its own only right after the region it lies in. */
const readAnywhere = (r: Region) => r.type !== 'County' || isXinjiang(r);

/** What a surface's regions allow before any context: worked out once per surface. */
interface SurfaceChoice {
  /** An ordinary word (AMBIGUOUS_SHORT, or 城区 / 郊区 / 矿区): never a place on its own. */
  generic: boolean;
  /** The regions officially named so, higher levels first. */
  official: Region[];
  /** Without an official one, with no region right before: all but non-Xinjiang counties, higher levels first. */
  unofficial: Region[];
}
const surfaceChoices = new WeakMap<Region[], SurfaceChoice>(); // keyed by the index's list for the surface

function surfaceChoice(s: string, regions: Region[]): SurfaceChoice {
  let choice = surfaceChoices.get(regions);
  if (!choice) {
    choice = {
      generic: AMBIGUOUS_SHORT.has(s) || (s.length === 2 && s.endsWith('区')),
      official: byLevel(regions.filter((r) => r.name === s)),
      unofficial: byLevel(regions.filter(readAnywhere)),
    };
    surfaceChoices.set(regions, choice);
  }
  return choice;
}

/** The regions surface `s` at `start` names here, higher levels first (none: not a place here). Do not modify. */
function acceptRegionSurface(ctx: Context, s: string, start: number, regions: Region[], previous?: Region): Region[] {
  const choice = surfaceChoice(s, regions);
  if (choice.generic) return [];
  const { official } = choice;
  const underPrevious = (r: Region) => !!previous && (r.parent === previous.name || ctx.ix.lex.regionByName(r.parent ?? '')?.parent === previous.name);
  let usable = official.length > 0 ? official : !previous ? choice.unofficial : byLevel(regions.filter((r) => readAnywhere(r) || underPrevious(r)));
  if (usable.length === 0) return [];
  const end = start + s.length;
  if ((official.length === 0 || s.length <= 2) && !usable.some(underPrevious)) {
    // short forms must be a word of their own (長治 in 长治久安, 于田 in 位于田野 are not)
    const tag = ctx.tokenTagOf(start, end);
    // a province heading an organisation name jieba reads as one word (上海|交通大学, 湖南|大学)
    const headsOrgWord = usable[0]!.type === 'Province' && ctx.tokenStartingAt.get(start)?.tag === 'nt';
    if (!(tag && REGION_TAGS.has(tag)) && !headsOrgWord && !onTokenBoundaries(ctx, start, end)) {
      // allow when a region/level suffix or 两地-style word follows: 新源两地 is still 新源
      const next = ctx.text[end];
      if (!(next && '两各籍'.includes(next)) || !ctx.tokenStarts.has(start)) usable = [];
    }
  }
  return usable;
}

export function findLexiconRegions(ctx: Context, covered: (i: number) => boolean): Mention[] {
  const out: Mention[] = [];
  const { text } = ctx;
  const { surfaces, lengthsAt } = ctx.ix;
  let i = 0;
  let previous: { end: number; region: Region } | undefined;
  while (i < text.length) {
    const lens = covered(i) ? undefined : lengthsAt(text, i);
    let advanced = false;
    if (lens) {
      for (const len of lens) {
        const s = text.slice(i, i + len);
        if (s.length < len) continue;
        const regions = surfaces.get(s);
        if (!regions) continue;
        const usable = acceptRegionSurface(ctx, s, i, regions, previous?.end === i ? previous.region : undefined);
        if (usable.length === 0) continue;
        const type = usable[0]!.type;
        const same = usable.filter((r) => r.type === type);
        const attrs: Record<string, string> =
          same.length === 1 ? { label: same[0]!.name } : { candidates: [...new Set(same.map((r) => r.name))].sort().join('|') };
        out.push(ctx.mention(type, i, i + len, s === same[0]!.name ? 'lexicon-name' : 'lexicon-alias', { attrs }));
        previous = { end: i + len, region: same[0]! };
        i += len;
        advanced = true;
        break;
      }
    }
    if (!advanced) i += 1;
  }
  return out;
}

/** 兵团 alone = the XPCC as a whole; bare 自治区 in a Xinjiang article = 新疆维吾尔自治区. */
export function findBareRegionWords(ctx: Context, covered: (i: number) => boolean): Mention[] {
  const out: Mention[] = [];
  const xpcc = ctx.ix.lex.regionByName('新疆生产建设兵团');
  const xj = ctx.ix.lex.regionByName('新疆维吾尔自治区');
  const mentionsXinjiang = ctx.text.includes('新疆') || ctx.text.includes('全疆');
  for (const m of ctx.text.matchAll(/兵团|自治区/gu)) {
    const s = m.index!;
    if (covered(s) || covered(s + m[0].length - 1)) continue;
    if (m[0] === '兵团' && xpcc) {
      if (/^[第一二三四五六七八九十\d]/.test(ctx.text.slice(s + 2, s + 3))) continue;
      out.push(ctx.mention('Province', s, s + 2, 'bare-xpcc', { attrs: { label: xpcc.name } }));
    } else if (m[0] === '自治区' && xj && mentionsXinjiang) {
      if (isHan(ctx.text[s - 1]) && !/[、和与及的在,，。是对向为]/.test(ctx.text[s - 1]!)) continue;
      out.push(ctx.mention('Province', s, s + 3, 'bare-autonomous-region', { attrs: { label: xj.name } }));
    }
  }
  return out;
}

/** 晋疆 / 浙阿 / 豫哈: a supporter's one-character abbreviation followed by its partner's initial. */
// (supporter, second character) -> the region it denotes, or null: computed once per lexicon
const partnerMemo = new WeakMap<object, Map<string, Region | null>>();

/** The region a pairing compound's second character names, within the supporter's official pairing. */
function compoundPartner(lex: Context['ix']['lex'], sup: Supporter, c2: string, xj: Region | undefined): Region | undefined {
  let memo = partnerMemo.get(lex);
  if (!memo) partnerMemo.set(lex, (memo = new Map()));
  const key = `${sup.name}|${c2}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let partner: Region | undefined;
  if ((c2 === '疆' || c2 === '新') && xj) partner = xj;
  else {
    const supported = sup.supports.map((n) => lex.regionByName(n)).filter((r): r is Region => !!r);
    const names = new Set(supported.map((r) => r.name));
    const pool = [...supported, ...lex.regions.filter((r) => r.parent && names.has(r.parent))];
    const poolNames = new Set(pool.map((r) => r.name));
    // the lexicon's own one-character abbreviations first (博 -> 博尔塔拉), then initials
    const byAbbr = (lex.regionAbbr?.(c2) ?? []).filter((r) => poolNames.has(r.name));
    const initial = (r: Region) => r.name.startsWith(c2) || r.aliases.some((a) => a.startsWith(c2));
    // (a region the supporter is paired with by name first: 粤疏 is 疏附, which 广东 supports, not
    // 疏勒, another county of the prefecture it supports)
    const named = supported.filter(initial);
    const hits = byAbbr.length > 0 ? byAbbr : named.length === 1 ? named : pool.filter(initial);
    const uniq = [...new Map(hits.map((r) => [r.name, r])).values()];
    const best = Math.min(...uniq.map((r) => TYPE_RANK[r.type]!));
    const top = uniq.filter((r) => TYPE_RANK[r.type] === best);
    if (top.length === 1) partner = top[0];
  }
  memo.set(key, partner ?? null);
  return partner;
}

const abbrMasks = new WeakMap<object, Uint8Array>();
/** codeMask of the supporters' one-character abbreviations (晋 浙 豫 深 ...), per lexicon. */
function abbrMask(lex: Context['ix']['lex']): Uint8Array {
  let mask = abbrMasks.get(lex);
  if (!mask) {
    const codes: number[] = [];
    for (const s of lex.supporters) for (const ch of s.abbr) if (ch.length === 1) codes.push(ch.charCodeAt(0));
    abbrMasks.set(lex, (mask = codeMask(codes)));
  }
  return mask;
}

/**
 * A pairing compound (津于, 粤疏: a supporter's one-character abbreviation and one of a region it
 * supports) at i, in a text about the aid: the head of a name (津于农副产品加工产业园).
 */
export function pairingCompoundAt(ctx: Context, i: number): boolean {
  const { lex } = ctx.ix;
  if (i < 0 || abbrMask(lex)[ctx.text.charCodeAt(i)] !== 1) return false;
  const sup = lex.supporterByAbbr(ctx.text[i]!);
  if (!sup || compoundPartner(lex, sup, ctx.text[i + 1] ?? '', lex.regionByName('新疆维吾尔自治区')) === undefined) return false;
  let aid = aidTexts.get(ctx);
  if (aid === undefined) aidTexts.set(ctx, (aid = AID_TEXT.test(ctx.text)));
  return aid;
}
const AID_TEXT = /援|对口|支援|协作/;
/** AID_TEXT.test(ctx.text), once per article rather than per question. */
const aidTexts = new WeakMap<Context, boolean>();

export function findPairingCompounds(ctx: Context, covered: (i: number) => boolean): Mention[] {
  const out: Mention[] = [];
  const { lex } = ctx.ix;
  if (!AID_TEXT.test(ctx.text)) return out;
  const xj = lex.regionByName('新疆维吾尔自治区');
  const text = ctx.text;
  const abbrs = abbrMask(lex);
  for (let i = 0; i + 1 < text.length; i++) {
    if (abbrs[text.charCodeAt(i)] !== 1) continue; // cheap first: most characters abbreviate nothing
    if (covered(i) || covered(i + 1)) continue;
    // not the end of a place's name: 京 of 北京 (北京四中, one jieba word, so no region was read) is no 京四
    if (placeNameEndingAt(ctx, i + 1) !== undefined) continue;
    const sup = lex.supporterByAbbr(text[i]!);
    if (!sup) continue;
    const c2 = text[i + 1]!;
    const partner = compoundPartner(lex, sup, c2, xj);
    if (!partner) continue;
    const compound = text.slice(i, i + 2);
    const supRegion = lex.regionByName(sup.name);
    out.push(ctx.mention(sup.type, i, i + 1, 'pairing-compound', {
      attrs: { label: supRegion?.name ?? sup.name, compound, role: 'supporter', partner: partner.name },
    }));
    out.push(ctx.mention(partner.type, i + 1, i + 2, 'pairing-compound', {
      attrs: { label: partner.name, compound, role: 'recipient', partner: sup.name },
    }));
    i += 1;
  }
  return out;
}
