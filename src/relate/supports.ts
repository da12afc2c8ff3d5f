// SUPPORTS: who supports which Xinjiang region, from what the article says.
// Rules (confidence):
//   sup.explicit   对口支援 X、Y和Z (list after the verb), supporter = nearest before   0.95
//   sup.pair       S·X及Y对口支援 / S与X共建 / S与X、Y正携手                           0.9
//   sup.command    S援疆前方指挥部 / S对口支援新疆阿克苏前方指挥部 / X + S援疆前指           0.9
//   sup.compound   苏州阿图什, 广东喀什产业园: supporter name directly before partner    0.85
//   sup.at-verb    S在X(及Y)实施/援建/建设 … (pairing-checked)                          0.75
//   sup.abbr       晋疆 浙阿 豫哈 深喀: one-character abbreviations (lexicon pairing)   0.8
//   sup.cooccur    supporter + aid cue + region of its official pairing in a sentence   0.7
//   sup.fallback   S援疆… with no region in the sentence -> 新疆维吾尔自治区              0.6
// Every supporter-side rule requires a target in Xinjiang (or the XPCC); the weaker ones also
// require the target to be within the supporter's official pairing (lexicon), which is what
// keeps "a supporter paid for one school elsewhere" out of SUPPORTS.
import type { Region, Supporter } from '../lexicon/api.js';
import type { EntityRef, ResolvedMention } from '../types.js';
import {
  AID_ORG,
  XINJIANG,
  isOrg,
  isProject,
  refOfRegion,
  type ArticleContext,
  type Candidate,
  type ListedRegion,
  type SentenceView,
} from './context.js';
import { placeFromName } from './places.js';
import { codeMask } from '../util/code-mask.js';

interface SupporterHit {
  ref: EntityRef;
  supporter: Supporter;
  mention: ResolvedMention;
}

const EXPLICIT_VERB = /对口支援|对口援建|对口帮扶|结对帮扶|结对支援|对口援助/gu;
const PAIR_JOIN = /^(·|•|・|与|和|同|跟)$/u;
const LIST_JOIN = /^(、|和|及|以及|与|跟)$/u;
const PAIR_CUE = /^.{0,4}?(对口支援|对口援疆|对口|共建|携手|共同|结对|协作|合作|两地|牵手|共绘|共谋|援疆)/u;
// 支持 too: 天津市将继续支持民丰县 (cooccur still needs the official pairing, which keeps a general 支持 out)
const AID_CUE = /援|助力|帮扶|结对|共建|携手|协作|支持/u;
const AT_VERB = /实施|援建|建设|新建|兴建|投资|投入|打造|开展|推进/u;
const CLAUSE_BREAK = /[，。；！？：,;!?:]/u;
const TRANSPORT = /^(高速|高铁|铁路|公路|线路|航线|管线|管道|干线|通道)/u;
/** 来自(某省)某市的援疆干部某某: where a person comes from, not a party to the pairing of the sentence. */
const FROM_BEFORE = /来自(?:[\u4e00-\u9fff]{2,8}?[省市])?$/u;
const PERSON_AFTER = /^的[\u4e00-\u9fff]{0,8}?(?:干部|医生|教师|老师|专家|人才|队员|志愿者|学生|游客|客商|企业家)/u;
function personFrom(ctx: ArticleContext, m: ResolvedMention): boolean {
  return FROM_BEFORE.test(ctx.text(Math.max(0, m.start - 12), m.start)) && PERSON_AFTER.test(ctx.text(m.end, m.end + 16));
}
/** A place the clause sells or ships to (销往义乌、杭州等地) is a market, not an aid party. */
const MARKET_BEFORE = /(?:销往|运往|发往|远销|销售到|销售至|销到|卖到|出口到|出口至|供应到|直供|走进)[^，。；！？,;!?]*$/u;
const WEAK = new Set(['sup.cooccur', 'sup.fallback']);
/** A signing (签订…协议, 签署…备忘录). */
const AGREEMENT = /(?:签订|签署|签约)[^。；！？]*?(?:协议|备忘录|协定)/u;
const CLAUSE_STOP = new Set([...'，。；,;'].map((c) => c.charCodeAt(0)));

/** Char codes that are some supporter's one-character abbreviation (晋 浙 豫 深 ...), per lexicon. */
const abbrCodesMemo = new WeakMap<object, Uint8Array>();
function abbrCodes(ctx: ArticleContext): Uint8Array {
  let codes = abbrCodesMemo.get(ctx.lex);
  if (!codes) {
    const list: number[] = [];
    for (const s of ctx.lex.supporters) for (const ch of s.abbr) if (ch.length === 1) list.push(ch.charCodeAt(0));
    abbrCodesMemo.set(ctx.lex, (codes = codeMask(list))); // a byte per code unit: read per character
  }
  return codes;
}

/** A mention that names a supporting province/city: region outside Xinjiang, 我省, or its aid office. */
export function supporterOf(ctx: ArticleContext, m: ResolvedMention): SupporterHit | undefined {
  const region = ctx.regionRef(m);
  if (region) {
    const supporter = ctx.supporterFor(region.label);
    return supporter ? { ref: region, supporter, mention: m } : undefined;
  }
  if (isOrg(m) && AID_ORG.test(m.entity!.label)) {
    const label = m.entity!.label;
    const lead = ctx.leadingRegion(label);
    if (lead) {
      const supporter = ctx.supporterFor(lead.region.name);
      return supporter ? { ref: refOfRegion(lead.region), supporter, mention: m } : undefined;
    }
    const home = ctx.home();
    if (home && /^[省市]/u.test(label)) {
      const supporter = ctx.supporterFor(home.label);
      return supporter ? { ref: home, supporter, mention: m } : undefined;
    }
  }
  return undefined;
}

function xinjiangRegion(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (m.kind === 'Pronoun') return undefined;
  const r = ctx.regionRef(m);
  return r && ctx.isXinjiang(r.label) ? r : undefined;
}

/** 新疆克州 / 喀什地区疏勒: drop a province-level region directly followed by one inside it. */
function dropCompoundRoots(ctx: ArticleContext, list: ResolvedMention[]): ResolvedMention[] {
  return list.filter((m, i) => {
    const next = list[i + 1];
    if (!next || next.start !== m.end) return true;
    const a = ctx.regionRef(m)!.label;
    return !(ctx.isXinjiangRoot(a) && ctx.isAncestor(a, ctx.regionRef(next)!.label));
  });
}

function dropListedRoots(ctx: ArticleContext, list: ListedRegion[]): ListedRegion[] {
  return list.filter((x, i) => {
    const next = list[i + 1];
    return !(next && next.start === x.end && ctx.isXinjiangRoot(x.ref.label) && ctx.isAncestor(x.ref.label, next.ref.label));
  });
}

/** Is m a place someone (a person, a delegation) travels to in this clause? */
function visited(ctx: ArticleContext, s: SentenceView, m: ResolvedMention): boolean {
  // the clause: back from the mention to the previous ，。；,; (char codes, no regex over the sentence)
  let from = m.start;
  while (from > s.start && !CLAUSE_STOP.has(ctx.a.text.charCodeAt(from - 1))) from--;
  const clause = ctx.text(from, m.start);
  const cue = /(来到|到|赴|前往|抵达|走进)[^，。；,;]*$/u.exec(clause);
  if (!cue) return false;
  const mover = clause.slice(0, cue.index);
  return /代表团|一行|考察团|调研组/u.test(mover) || s.top.some((x) => x.kind === 'Person' && x.end <= m.start - (clause.length - cue.index) && x.start >= m.start - clause.length);
}

function sinceYear(ctx: ArticleContext, s: SentenceView, before: number): number | undefined {
  for (const m of s.all) {
    if (m.kind !== 'Date' || m.value === undefined || m.end > before) continue;
    if (!/^.{0,14}?(以来|开始|起)/u.test(ctx.text(m.end, before))) continue;
    return m.value > 9999 ? Math.floor(m.value / 10000) : m.value;
  }
  return undefined;
}

// (helpers, not closures, for the per-character sup.abbr loop: a closure over its loop variable
// would make every iteration allocate a scope)
function personOrRegionOver(ctx: ArticleContext, all: ResolvedMention[], start: number, end: number): boolean {
  for (const m of all) if (m.start < end && start < m.end && (m.kind === 'Person' || ctx.isRegionMention(m))) return true;
  return false;
}

/**
 * A pairing abbreviation inside the name of a company (赣克农业科技有限公司, 鲁喀果业集团), or of a
 * project that carries a company's name (赣克番茄加工产业园 of 赣克农业科技有限公司), is a brand:
 * it says nothing about who supports whom. In a plan's name (赣克产业协作行动计划) it does.
 */
function insideBrandName(ctx: ArticleContext, all: ResolvedMention[], start: number, end: number): boolean {
  const brand = (m: ResolvedMention) => isOrg(m) && !!m.entity && !AID_ORG.test(m.entity.label);
  for (const m of all) {
    if (m.start > start || end > m.end || !m.entity) continue;
    if (brand(m)) return true;
    if (isProject(m)) {
      const compound = ctx.text(start, end);
      if (ctx.a.mentions.some((o) => brand(o) && o.entity!.label.includes(compound))) return true;
    }
  }
  return false;
}

function firstPaired(ctx: ArticleContext, supporter: Supporter, partners: readonly (Region | undefined)[]): Region | undefined {
  for (const r of partners) if (r && ctx.pairingConsistent(supporter, r.name)) return r;
  return undefined;
}

/**
 * The per-article state of the SUPPORTS rules, one rule per method. (One method per rule rather
 * than one big function of closures: V8 optimises and, when a new object shape turns up,
 * re-optimises each small method on its own instead of recompiling the whole rule set.)
 */
class SupportScan {
  /** supporterOf per mention: the rules ask it of the same mentions again and again. */
  private readonly hits = new Map<ResolvedMention, SupporterHit | null>();
  readonly own: Candidate[] = [];
  readonly fallbacks: Candidate[] = [];
  /** The sentence being read, and the supporters with a target in it. */
  s: SentenceView;
  fromSentence = new Set<string>();

  constructor(readonly ctx: ArticleContext, first: SentenceView) {
    this.s = first;
  }

  hitOf(m: ResolvedMention): SupporterHit | undefined {
    let hit = this.hits.get(m);
    if (hit === undefined) this.hits.set(m, (hit = supporterOf(this.ctx, m) ?? null));
    return hit ?? undefined;
  }

  emit(source: EntityRef, target: EntityRef, confidence: number, rule: string, since?: number): void {
    this.fromSentence.add(source.key);
    if (source.key === target.key) return;
    // (keys in the order every rule module uses: one candidate shape for relateArticle)
    this.own.push({ type: 'SUPPORTS', source, target, attrs: since ? { since } : {}, sentence: this.s.index, confidence, rule });
  }

  nearestSupporterBefore(pos: number): SupporterHit | undefined {
    const top = this.s.top;
    for (let i = top.length - 1; i >= 0; i--) {
      const m = top[i]!;
      if (m.end > pos) continue;
      const hit = this.hitOf(m);
      if (hit) return hit;
    }
    return undefined;
  }

  /** sup.explicit: 对口支援 X、Y和Z */
  explicit(): void {
    const { ctx, s } = this;
    const top = s.top;
    // exec, not matchAll: matchAll clones the regex, once per sentence (EXPLICIT_VERB never matches empty)
    EXPLICIT_VERB.lastIndex = 0;
    for (let match = EXPLICIT_VERB.exec(s.text); match; match = EXPLICIT_VERB.exec(s.text)) {
      const p = s.start + match.index!;
      const q = p + match[0].length;
      if (top.some((m) => m.start <= p && q <= m.end)) continue; // inside a name (…对口支援…前方指挥部)
      const targets = ctx.regionList(s, q, (r) => ctx.isXinjiang(r.label), /^(了|着)/u);
      if (targets.length === 0) continue;
      const nearest = this.nearestSupporterBefore(p);
      let refs: EntityRef[] = [];
      let confidence = 0.95;
      if (nearest) {
        // 山东、上海、广东三省市对口支援…: every supporter of the list before the verb
        refs = [nearest.ref];
        let first = nearest.mention;
        for (let i = top.indexOf(first) - 1; i >= 0; i--) {
          const m = top[i]!;
          const hit = this.hitOf(m);
          if (!hit || !LIST_JOIN.test(ctx.text(m.end, first.start))) break;
          refs.push(hit.ref);
          first = m;
        }
      } else {
        const home = ctx.home();
        if (!home || !ctx.supporterFor(home.label)) continue;
        refs = [home];
        confidence = 0.75;
      }
      const since = sinceYear(ctx, s, p);
      for (const ref of refs) {
        for (const t of dropListedRoots(ctx, targets)) {
          const target = t.ref;
          // in a list of supporters, each keeps only the partners of its own pairing
          const supporter = ctx.supporterFor(ref.label);
          if (refs.length > 1 && supporter && !ctx.pairingConsistent(supporter, target.label)) continue;
          this.emit(ref, target, confidence, 'sup.explicit', since);
        }
      }
    }
  }

  /** sup.pair: S·X及Y对口支援 / S与X共建 */
  pair(): void {
    const { ctx, s } = this;
    const top = s.top;
    for (let i = 0; i < top.length; i++) {
      const hit = this.hitOf(top[i]!);
      if (!hit || hit.mention.kind === 'Organization') continue;
      const list: ResolvedMention[] = [];
      let prev = top[i]!;
      for (let j = i + 1; j < top.length; j++) {
        const m = top[j]!;
        const gap = ctx.text(prev.end, m.start);
        if (!(list.length === 0 ? PAIR_JOIN.test(gap) : LIST_JOIN.test(gap))) break;
        if (!xinjiangRegion(ctx, m)) break;
        list.push(m);
        prev = m;
      }
      if (list.length === 0) continue;
      if (!PAIR_CUE.test(ctx.text(prev.end, Math.min(prev.end + 10, s.end)))) continue;
      const since = sinceYear(ctx, s, top[i]!.start);
      for (const t of dropCompoundRoots(ctx, list)) this.emit(hit.ref, ctx.regionRef(t)!, 0.9, 'sup.pair', since);
    }
  }

  /** sup.command: the supporter's aid office names or sits in its partner */
  command(): void {
    const { ctx, s } = this;
    const top = s.top;
    for (let i = 0; i < top.length; i++) {
      const m = top[i]!;
      if (!isOrg(m) || !AID_ORG.test(m.entity!.label)) continue;
      const hit = this.hitOf(m);
      if (!hit) continue;
      const label = m.entity!.label;
      const lead = ctx.leadingRegion(label);
      const inside: { ref: EntityRef; end: number; start: number }[] = [];
      for (let pos = lead ? lead.end : 1; pos < label.length - 1; ) {
        const r = ctx.leadingRegion(label, pos);
        if (r && ctx.isXinjiang(r.region.name)) {
          inside.push({ ref: refOfRegion(r.region), start: pos, end: r.end });
          pos = r.end;
        } else pos++;
      }
      const kept = inside.filter((x, k) => {
        const next = inside[k + 1];
        return !(next && next.start === x.end && ctx.isXinjiangRoot(x.ref.label) && ctx.isAncestor(x.ref.label, next.ref.label));
      });
      for (const t of kept) this.emit(hit.ref, t.ref, 0.9, 'sup.command');
      if (kept.length === 0 && i > 0) {
        const before = top[i - 1]!;
        const place = before.end === m.start ? xinjiangRegion(ctx, before) : undefined;
        if (place) this.emit(hit.ref, place, 0.85, 'sup.command');
      }
    }
  }

  /** sup.at-verb: S在X(及Y)实施/援建/建设 … (the supporter acting in its partner region) */
  atVerb(): void {
    const { ctx, s } = this;
    const top = s.top;
    for (let k = s.text.indexOf('在'); k >= 0; k = s.text.indexOf('在', k + 1)) {
      const at = s.start + k;
      const subject = top.filter((m) => m.end <= at).pop();
      if (!subject || at - subject.end > 2) continue;
      const hit = this.hitOf(subject);
      if (!hit) continue;
      const verb = AT_VERB.exec(ctx.text(at + 1, Math.min(s.end, at + 30)));
      if (!verb || CLAUSE_BREAK.test(ctx.text(at + 1, at + 1 + verb.index))) continue;
      const verbStart = at + 1 + verb.index;
      const phrase = top.filter((m) => m.start > at && m.end <= verbStart && xinjiangRegion(ctx, m));
      for (const m of phrase.filter((x, i) => {
        const next = phrase[i + 1];
        return !(next && next.start === x.end && ctx.isAncestor(ctx.regionRef(x)!.label, ctx.regionRef(next)!.label));
      })) {
        const target = ctx.regionRef(m)!;
        if (ctx.pairingConsistent(hit.supporter, target.label)) this.emit(hit.ref, target, 0.75, 'sup.at-verb');
      }
    }
  }

  /** sup.compound: 苏州阿图什 (two names), 广东喀什产业园 (inside a name) */
  compound(): void {
    const { ctx, s } = this;
    const top = s.top;
    for (let i = 0; i + 1 < top.length; i++) {
      const a = top[i]!;
      const b = top[i + 1]!;
      if (a.end !== b.start || a.kind === 'Pronoun' || a.rule === 'pairing-compound') continue;
      if (a.end - a.start < 2 || b.end - b.start < 2) continue;
      const hit = this.hitOf(a);
      const target = xinjiangRegion(ctx, b);
      if (hit && target && ctx.pairingConsistent(hit.supporter, target.label)) this.emit(hit.ref, target, 0.85, 'sup.compound');
    }
    for (const m of top) {
      if (!isProject(m) && !isOrg(m)) continue;
      const lead = ctx.leadingRegions(m.entity!.label);
      if (lead.length < 2) continue;
      const supporter = ctx.supporterFor(lead[0]!.region.name);
      const partner = lead[1]!.region;
      if (!supporter || !ctx.isXinjiang(partner.name) || !ctx.pairingConsistent(supporter, partner.name)) continue;
      this.emit(refOfRegion(lead[0]!.region), refOfRegion(partner), 0.85, 'sup.compound');
    }
  }

  /** sup.abbr: 晋疆 浙阿 豫哈 (recognizer's pairing-compound mentions, or found here) */
  abbr(hasPairing: boolean): void {
    const { ctx, s } = this;
    const abbrTaken = new Set<number>();
    if (hasPairing) for (const m of s.all) {
      if (m.rule !== 'pairing-compound' || m.attrs?.role !== 'supporter' || !m.entity) continue;
      const partner = s.all.find((x) => x.rule === 'pairing-compound' && x.start === m.end && x.attrs?.role === 'recipient');
      const supporter = ctx.supporterFor(m.entity.label);
      if (!partner?.entity || !supporter || !ctx.pairingConsistent(supporter, partner.entity.label)) continue;
      if (TRANSPORT.test(ctx.text(partner.end, partner.end + 4))) continue;
      abbrTaken.add(m.start);
      if (insideBrandName(ctx, s.all, m.start, partner.end)) continue;
      this.emit(m.entity, partner.entity, 0.8, 'sup.abbr');
    }
    const abbrs = abbrCodes(ctx);
    for (let p = s.start; p + 2 <= s.end; p++) {
      if (abbrs[ctx.a.text.charCodeAt(p)] !== 1) continue; // cheap first: most characters abbreviate nothing
      if (abbrTaken.has(p) || !s.boundaries.has(p) || !s.boundaries.has(p + 2) || ctx.isDamaged(p) || ctx.isDamaged(p + 1)) continue;
      const supporter = ctx.lex.supporterByAbbr(ctx.a.text[p]!);
      if (!supporter) continue;
      if (personOrRegionOver(ctx, s.all, p, p + 2) || insideBrandName(ctx, s.all, p, p + 2)) continue;
      if (TRANSPORT.test(ctx.text(p + 2, p + 6))) continue; // 京新高速, 京哈铁路: a route, not a pairing
      const c2 = ctx.a.text[p + 1]!;
      const partners = c2 === '疆' || c2 === '新' ? [ctx.region(XINJIANG)!] : ctx.lex.regionAbbr(c2);
      const partner = firstPaired(ctx, supporter, partners);
      const from = ctx.region(supporter.name);
      if (!partner || !from) continue;
      this.emit(refOfRegion(from), refOfRegion(partner), 0.8, 'sup.abbr');
    }
  }

  /** sup.cooccur: supporter + aid cue + a region of its pairing, same sentence */
  cooccur(): void {
    const { ctx, s } = this;
    const top = s.top;
    if (!AID_CUE.test(s.text)) return;
    // an agreement signed between places (A与X、B与Y分别签订协作协议) states cooperation, not the pairing
    if (AGREEMENT.test(s.text) && !/援/u.test(s.text)) return;
    // 福建省龙岩市: the province only qualifies the city, which is the supporter
    const qualifier = (m: ResolvedMention) => {
      const next = top.find((x) => x.start === m.end);
      const a = ctx.regionRef(m);
      const b = next && ctx.regionRef(next);
      return !!(a && b && ctx.isAncestor(a.label, b.label));
    };
    const supporters: SupporterHit[] = [];
    for (const m of top) {
      if (qualifier(m) || MARKET_BEFORE.test(ctx.text(Math.max(s.start, m.start - 24), m.start))) continue;
      if (personFrom(ctx, m)) continue;
      const hit = this.hitOf(m);
      if (hit) supporters.push(hit);
    }
    const places: { ref: EntityRef; viaProject: boolean }[] = [];
    for (const m of top) {
      if (visited(ctx, s, m)) continue; // 代表团先后来到X、Y: a visit, not a statement of support
      const r = xinjiangRegion(ctx, m);
      if (r) places.push({ ref: r, viaProject: false });
      else if (isProject(m)) {
        const place = placeFromName(ctx, m.entity!.label);
        if (place && ctx.isXinjiang(place.name)) places.push({ ref: refOfRegion(place), viaProject: true });
      }
    }
    const paired = /对口/u.test(s.text);
    const seen = new Set<string>();
    // a place this sentence pairs with a supporter by a stronger rule is that supporter's (and its
    // province's), not also another's of the sentence (南京市对口支援伊宁市，南通市对口支援伊宁县)
    const claimed = new Map<string, string>();
    const claimedBy = new Set<string>();
    // (this sentence's candidates are the last ones: own is filled sentence by sentence)
    let first = this.own.length;
    while (first > 0 && this.own[first - 1]!.sentence === s.index) first--;
    for (let i = first; i < this.own.length; i++) {
      const c = this.own[i]!;
      if (WEAK.has(c.rule)) continue;
      claimed.set(c.target.key, ctx.supporterFor(c.source.label)?.name ?? c.source.key);
      claimedBy.add(c.source.key);
    }
    for (const hit of supporters) {
      if (seen.has(hit.ref.key)) continue;
      seen.add(hit.ref.key);
      // a city of a supporting province paired explicitly in this sentence (其中通化市对口支援布尔津县)
      // has that partner, not every place of its province's pairing named along with it
      if (hit.ref.label !== hit.supporter.name && claimedBy.has(hit.ref.key)) continue;
      // (a city of this supporter's own province may claim it: 其中某市对口支援X is the province's too)
      const ok = places.filter((p) => (claimed.get(p.ref.key) ?? hit.supporter.name) === hit.supporter.name && (ctx.pairingConsistent(hit.supporter, p.ref.label) || (p.viaProject && paired)));
      const specific = ok.filter((p) => !ctx.isXinjiangRoot(p.ref.label));
      for (const p of specific.length > 0 ? specific : ok) this.emit(hit.ref, p.ref, 0.7, 'sup.cooccur');
    }
  }

  /** sup.fallback: S援疆… and no Xinjiang region in the sentence -> 新疆 */
  fallback(): void {
    const { ctx, s } = this;
    const top = s.top;
    const anySpecific = top.some((m) => {
      const r = xinjiangRegion(ctx, m);
      return r !== undefined && !ctx.isXinjiangRoot(r.label);
    });
    if (anySpecific) return;
    const xj = ctx.region(XINJIANG)!;
    for (const m of top) {
      const hit = this.hitOf(m);
      if (!hit || this.fromSentence.has(hit.ref.key)) continue;
      const says = isOrg(m) ? /援疆|前指|前方指挥部/u.test(m.entity!.label) : /^[^，。；！？、,;!?“”《\s]{0,6}?援疆/u.test(ctx.text(m.end, s.end));
      if (!says) continue;
      this.fallbacks.push({ type: 'SUPPORTS', source: hit.ref, target: refOfRegion(xj), attrs: {}, sentence: s.index, confidence: 0.6, rule: 'sup.fallback' });
    }
  }
}

export function findSupports(ctx: ArticleContext): void {
  if (ctx.sentences.length === 0) return;
  const scan = new SupportScan(ctx, ctx.sentences[0]!);
  // most articles have no recognizer pairing compound: skip that per-mention loop for them
  const hasPairing = ctx.a.mentions.some((m) => m.rule === 'pairing-compound');
  for (const s of ctx.sentences) {
    scan.s = s;
    scan.fromSentence = new Set<string>();
    scan.explicit();
    scan.pair();
    scan.command();
    scan.atVerb();
    scan.compound();
    scan.abbr(hasPairing);
    scan.cooccur();
    scan.fallback();
  }
  const { own, fallbacks } = scan;

  // A supporter whose specific partner the article names elsewhere: its bare "援疆" is that partner.
  const specificSources = new Set(own.filter((c) => !ctx.isXinjiangRoot(c.target.label)).map((c) => c.source.key));
  // A co-occurring prefecture that contains a partner stated by a stronger rule is context
  // (苏州阿图什 … 克州风情展 -> not 苏州 SUPPORTS 克州).
  const strong = own.filter((c) => !WEAK.has(c.rule));
  for (const c of own) {
    if (c.rule === 'sup.cooccur' && !ctx.isXinjiangRoot(c.target.label) &&
        strong.some((d) => d.source.key === c.source.key && ctx.isAncestor(c.target.label, d.target.label))) continue;
    ctx.add(c);
  }
  for (const c of fallbacks) if (!specificSources.has(c.source.key)) ctx.add(c);
}
