// Indexes over the lexicon that the recognizer needs (built once per Lexicon object).
import type { Lexicon, Region } from '../lexicon/api.js';
import { codeMask } from '../util/code-mask.js';

export interface LexiconIndex {
  lex: Lexicon;
  /** Every region surface (official name or alias, 2+ chars) -> regions. */
  surfaces: Map<string, Region[]>;
  /** Surface lengths present, longest first, per first character. */
  lengthsByFirst: Map<string, number[]>;
  /**
   * Lengths (longest first) of the surfaces that start with the two code units at text[i], or
   * undefined when none does: the per-character check of region matching.
   */
  lengthsAt(text: string, i: number): number[] | undefined;
  /** XPCC divisions by number (第六师 -> 6). */
  divisions: Map<number, Region>;
  /** XPCC regiments by number (二二二团 -> 222); several when numbers repeat across divisions. */
  regiments: Map<number, Region[]>;
  /** Titles and role cues, longest first. */
  titles: string[];
  /** `titles` grouped by the char code of their first character (same order). */
  titlesByFirstCode: Map<number, string[]>;
  /** codeMask of the keys of titlesByFirstCode. */
  titleFirstMask: Uint8Array;
  /** Indexes into `titles` (ascending) of the titles by their first two code units (all have 2+). */
  titleRanksByPair: CodePairMap<number[]>;
  orgSuffixes: string[];
  projectSuffixes: string[];
}

/**
 * A map keyed by a pair of UTF-16 code units. Not one number per pair: c0 * 0x10000 + c1 is above
 * the small-integer range for most Han characters, so each probe would allocate a heap number.
 */
export class CodePairMap<V> {
  private readonly byFirst = new Map<number, Map<number, V>>();
  get(first: number, second: number): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }
  set(first: number, second: number, value: V): void {
    let seconds = this.byFirst.get(first);
    if (!seconds) this.byFirst.set(first, (seconds = new Map()));
    seconds.set(second, value);
  }
}

/** Lengths (longest first) of the surfaces (2+ code units) by their first two code units. */
export function surfaceLengthsByPair(surfaces: Iterable<string>): CodePairMap<number[]> {
  const out = new CodePairMap<number[]>();
  for (const s of surfaces) {
    if (s.length < 2) continue;
    const lengths = out.get(s.charCodeAt(0), s.charCodeAt(1));
    if (!lengths) out.set(s.charCodeAt(0), s.charCodeAt(1), [s.length]);
    else if (!lengths.includes(s.length)) lengths.push(s.length);
  }
  // (sorted in place: the lists are this function's own)
  for (const s of surfaces) if (s.length >= 2) out.get(s.charCodeAt(0), s.charCodeAt(1))!.sort((a, b) => b - a);
  return out;
}

const cache = new WeakMap<Lexicon, LexiconIndex>();

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parse 六 / 十二 / 二十一 / 二二二 / 一〇一 / 222 into an integer; NaN when not a number. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || ![...s].every((c) => c in CN_DIGITS || c === '十' || c === '百')) return NaN;
  if (!/[十百]/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === '百') { total += (current || 1) * 100; current = 0; }
    else if (c === '十') { total += (current || 1) * 10; current = 0; }
    else current = CN_DIGITS[c]!;
  }
  return total + current;
}

export function isXinjiang(r: Region): boolean {
  return r.level.startsWith('xpcc') || (r.code?.startsWith('65') ?? false) || r.name.startsWith('新疆');
}

/** Generic role cues that precede a person's name (public vocabulary, not people). */
const ROLE_CUES = [
  '记者', '通讯员', '村民', '居民', '市民', '牧民', '农民', '职工', '教师', '老师', '医生', '专家', '工程师',
  '收藏家', '投资者', '企业家', '志愿者', '学生', '负责人', '干部', '领导', '书记', '主任', '院长', '校长',
  '局长', '厅长', '部长', '组长', '队长', '站长', '所长', '经理', '董事长', '总经理', '主席', '省长', '市长',
  '县长', '州长', '师长', '团长', '政委', '司令员', '指挥长', '副指挥长', '援疆干部', '援疆医生', '援疆教师',
  '第一书记', '常委', '委员', '代表', '主任医师', '副主任医师', '医师', '护士长', '科长', '处长', '镇长',
  '乡长', '村支书', '支书', '会长', '秘书长', '理事长', '馆长', '台长', '社长', '总编辑', '教授', '研究员',
];
/**
 * People named by what they are to the story (患者某某, 种植户某某). Weaker cues than titles:
 * what follows them is often a verb (游客盛赞), so they take a dotted name or one jieba reads
 * as a name (see persons.ts).
 */
export const STORY_ROLES: ReadonlySet<string> = new Set([
  '患者', '患儿', '病人', '老人', '员工', '工人', '种植户', '养殖户', '脱贫户', '农户', '社员', '学员',
  '家长', '老乡', '店主', '商户', '运动员', '选手', '大学生', '毕业生', '护士', '技术员', '带头人',
]);

export function indexLexicon(lex: Lexicon): LexiconIndex {
  const hit = cache.get(lex);
  if (hit) return hit;
  const surfaces = new Map<string, Region[]>();
  const add = (s: string, r: Region) => {
    if ([...s].length < 2) return; // one-character abbreviations are handled by the pairing rule only
    const list = surfaces.get(s);
    if (!list) surfaces.set(s, [r]);
    else if (!list.includes(r)) list.push(r);
  };
  const divisions = new Map<number, Region>();
  const regiments = new Map<number, Region[]>();
  for (const r of lex.regions) {
    add(r.name, r);
    for (const a of r.aliases) add(a, r);
    if (r.level === 'xpcc-division') {
      const m = /第?([一二三四五六七八九十]+)师$/.exec(r.name);
      if (m) divisions.set(parseChineseNumber(m[1]!), r);
    } else if (r.level === 'xpcc-regiment') {
      const m = /([一二三四五六七八九十百〇零\d]+)团(?:场)?$/.exec(r.name);
      if (m) {
        const n = parseChineseNumber(m[1]!);
        if (!Number.isNaN(n)) regiments.set(n, [...(regiments.get(n) ?? []), r]);
      }
    }
  }
  const lengthsByFirst = new Map<string, number[]>();
  for (const s of surfaces.keys()) {
    const f = s[0]!;
    const ls = lengthsByFirst.get(f) ?? [];
    if (!ls.includes(s.length)) ls.push(s.length);
    lengthsByFirst.set(f, ls);
  }
  for (const ls of lengthsByFirst.values()) ls.sort((a, b) => b - a);
  // keyed by the first two code units (no strings built per character), and only the lengths of
  // surfaces starting with both: fewer slices and failed lookups than the per-first-character lists
  const lengthsByPair = surfaceLengthsByPair(surfaces.keys());
  const firstMask = codeMask([...surfaces.keys()].map((k) => k.charCodeAt(0)));
  const lengthsAt = (text: string, i: number): number[] | undefined =>
    i + 1 < text.length && firstMask[text.charCodeAt(i)] === 1 ? lengthsByPair.get(text.charCodeAt(i), text.charCodeAt(i + 1)) : undefined;
  const byLenDesc = (xs: Iterable<string>) =>
    [...new Set(xs)].filter((x) => x.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const titles = byLenDesc([...lex.titles, ...ROLE_CUES, ...STORY_ROLES]);
  const titlesByFirstCode = new Map<number, string[]>();
  for (const t of titles) {
    const code = t.charCodeAt(0);
    const group = titlesByFirstCode.get(code);
    if (group) group.push(t);
    else titlesByFirstCode.set(code, [t]);
  }
  const titleRanksByPair = new CodePairMap<number[]>();
  titles.forEach((t, rank) => {
    if (t.length < 2) throw new Error(`lexicon: title "${t}" is shorter than two characters`);
    const ranks = titleRanksByPair.get(t.charCodeAt(0), t.charCodeAt(1));
    if (ranks) ranks.push(rank);
    else titleRanksByPair.set(t.charCodeAt(0), t.charCodeAt(1), [rank]);
  });
  const index: LexiconIndex = {
    lex,
    surfaces,
    lengthsByFirst,
    lengthsAt,
    divisions,
    regiments,
    titles,
    titlesByFirstCode,
    titleFirstMask: codeMask(titlesByFirstCode.keys()),
    titleRanksByPair,
    orgSuffixes: byLenDesc(lex.orgSuffixes),
    projectSuffixes: byLenDesc(lex.projectSuffixes),
  };
  cache.set(lex, index);
  return index;
}
