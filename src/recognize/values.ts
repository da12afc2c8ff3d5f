// Money, dates, titles and 我省-type pronouns: cues for the relations stage.
import type { Mention } from '../types.js';
import type { Context } from './context.js';
import { isHan } from './context.js';

const UNIT: Record<string, bigint> = { '': 1n, 十: 10n, 百: 100n, 千: 1000n, 万: 10_000n, 十万: 100_000n, 百万: 1_000_000n, 千万: 10_000_000n, 亿: 100_000_000n, 万亿: 1_000_000_000_000n };

/** "19.39" × 亿 -> 1939000000, exactly (BigInt; fractions of a yuan are rounded half up). */
export function amountInYuan(num: string, unit: string): number {
  const [intPart, frac = ''] = num.replace(/,/g, '').split('.');
  const scale = 10n ** BigInt(frac.length);
  const scaled = BigInt(intPart! + frac) * (UNIT[unit] ?? 1n);
  return Number((scaled * 2n + scale) / (2n * scale));
}

// (多/余 after the number or after its unit: 3000余万元, 600万余元)
const MONEY_RE = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:多|余)?(万亿|千万|百万|十万|亿|万|千)?(?:多|余)?\s*(元|美元|欧元)(人民币)?/gu;

export function findMoney(ctx: Context): Mention[] {
  const out: Mention[] = [];
  for (const m of ctx.text.matchAll(MONEY_RE)) {
    const start = m.index!;
    const currency = m[3] === '元' ? 'CNY' : m[3] === '美元' ? 'USD' : 'EUR';
    const attrs: Record<string, string> = { currency };
    const before = ctx.text.slice(Math.max(0, start - 2), start);
    if (/近|约|超|逾/.test(before)) attrs.approx = 'true';
    if (/多|余/.test(m[0])) attrs.approx = 'true';
    out.push(ctx.mention('Money', start, start + m[0].length, 'money', { value: amountInYuan(m[1]!, m[2] ?? ''), attrs }));
  }
  return out;
}

const pad = (n: string) => n.padStart(2, '0');

export function findDates(ctx: Context): Mention[] {
  const out: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const push = (s: number, e: number, value: number | undefined, rule: string, date: string) => {
    if (taken.some(([a, b]) => s < b && a < e)) return;
    taken.push([s, e]);
    out.push(ctx.mention('Date', s, e, rule, { ...(value !== undefined ? { value } : {}), attrs: { date } }));
  };
  const text = ctx.text;
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu)) {
    push(m.index!, m.index! + m[0].length, Number(m[1] + pad(m[2]!) + pad(m[3]!)), 'date-ymd', `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`);
  }
  for (const m of text.matchAll(/((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu)) {
    push(m.index!, m.index! + m[0].length, Number(m[1] + pad(m[2]!) + pad(m[3]!)), 'date-iso', `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`);
  }
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/gu)) {
    push(m.index!, m.index! + m[0].length, Number(m[3] + pad(m[2]!) + pad(m[1]!)), 'date-dmy', `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
  }
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年(?:(\d{1,2})\s*月)?/gu)) {
    const date = m[2] ? `${m[1]}-${pad(m[2])}` : m[1]!;
    push(m.index!, m.index! + m[0].length, Number(m[1]), 'date-year', date);
  }
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})月(\d{1,2})日/gu)) {
    push(m.index!, m.index! + m[0].length, undefined, 'date-month-day', `--${pad(m[1]!)}-${pad(m[2]!)}`);
  }
  return out;
}

const occurrenceMemo = new WeakMap<Context, Float64Array>();

/**
 * Every occurrence of every title (overlaps included) as rank * (text.length + 1) + position,
 * sorted: in the lexicon's order (longest first), each title left to right. Found in one pass
 * over the text instead of one indexOf scan per title; findTitles and findPersons share it.
 */
export function titleOccurrences(ctx: Context): Float64Array {
  const known = occurrenceMemo.get(ctx);
  if (known) return known;
  const { text, ix } = ctx;
  const stride = text.length + 1;
  const found: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (ix.titleFirstMask[text.charCodeAt(i)] !== 1) continue;
    const ranks = ix.titleRanksByPair.get(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (!ranks) continue;
    for (const rank of ranks) if (text.startsWith(ix.titles[rank]!, i)) found.push(rank * stride + i);
  }
  const sorted = Float64Array.from(found).sort();
  occurrenceMemo.set(ctx, sorted);
  return sorted;
}

/** Titles and roles (lexicon titles + role cues), longest first, each occurrence once. */
export function findTitles(ctx: Context): Mention[] {
  const out: Mention[] = [];
  const { titles } = ctx.ix;
  const stride = ctx.text.length + 1;
  const taken = new Uint8Array(stride);
  for (const code of titleOccurrences(ctx)) {
    const title = titles[Math.floor(code / stride)]!;
    const k = code % stride;
    let free = true;
    for (let i = k; i < k + title.length; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, k, k + title.length);
    out.push(ctx.mention('Title', k, k + title.length, 'title'));
  }
  return out;
}

const PRONOUNS: Array<[RegExp, string]> = [
  [/我省|本省/gu, 'province'],
  [/我市|本市/gu, 'city'],
  [/我区|本区/gu, 'region'],
  [/我州|本州/gu, 'prefecture'],
  [/我县|本县/gu, 'county'],
  [/我师|我团/gu, 'xpcc'],
];

export function findPronouns(ctx: Context): Mention[] {
  const out: Mention[] = [];
  for (const [re, level] of PRONOUNS) {
    for (const m of ctx.text.matchAll(re)) {
      out.push(ctx.mention('Pronoun', m.index!, m.index! + 2, 'pronoun', { attrs: { level } }));
    }
  }
  // bare 省委 / 省政府 / 省委省政府 (not 山西省委: the character before is not part of a name)
  for (const m of ctx.text.matchAll(/省委(?:省政府)?|省政府|省人大常委会|省政协/gu)) {
    const prev = ctx.text[m.index! - 1];
    if (isHan(prev) && !'、和与及的在是对向为由据把将被请'.includes(prev!)) continue;
    out.push(ctx.mention('Pronoun', m.index!, m.index! + m[0].length, 'bare-province-organ', { attrs: { level: 'province', organ: m[0] } }));
  }
  return out;
}
