// Shared view of one resolved article for the relation rules: sentences with their mentions,
// lexicon-backed facts about regions (ancestry, Xinjiang or not, who supports whom), and the
// evidence/emit plumbing. Rules only read this; they never reach back into earlier stages.
import { getLexicon, type FullLexicon } from '../lexicon/index.js';
import type { Region, Supporter } from '../lexicon/api.js';
import { toFileSpan } from '../normalize.js';
import { type CodePairMap, surfaceLengthsByPair } from '../recognize/lexicon-index.js';
import { objectList } from '../recognize/context.js';
import { tokenAt } from '../segment.js';
import type {
  EntityRef,
  Evidence,
  RelationAttrs,
  RelationRecord,
  RelationType,
  ResolvedArticle,
  ResolvedMention,
  Sentence,
  Token,
} from '../types.js';

export const XINJIANG = '新疆维吾尔自治区';
export const XPCC = '新疆生产建设兵团';

export interface SentenceView {
  index: number;
  start: number; // normalized offsets, trimmed of surrounding white space
  end: number;
  text: string;
  /** Every mention of the sentence, by start then longest first. */
  all: ResolvedMention[];
  /** Mentions not contained in a longer one (the reading a human would take). */
  top: ResolvedMention[];
  /** Token boundaries (normalized offsets) for compound checks. */
  boundaries: { has(pos: number): boolean };
  /** True when a paragraph break separates this sentence from the previous one. */
  newParagraph: boolean;
}

export interface ListedRegion {
  ref: EntityRef;
  start: number;
  end: number;
  mention?: ResolvedMention;
}

export interface Candidate {
  type: RelationType;
  source: EntityRef;
  target: EntityRef;
  attrs?: RelationAttrs;
  sentence: number;
  confidence: number;
  rule: string;
}

/** Province, Prefecture or County (string compares: cheaper than a Set probe, asked per mention by every rule). */
const isRegionKind = (k: string) => k === 'Province' || k === 'Prefecture' || k === 'County';

export function refOfRegion(r: Region): EntityRef {
  return { key: `${r.type}:${r.name}`, type: r.type, label: r.name };
}

/** Answers that depend only on the (read-only) lexicon, shared by all articles of a thread. */
interface LexiconMemo {
  ancestors: Map<string, readonly string[]>;
  /** label -> answer of leadingRegion(label, from) at index `from` (null: none; unset: not asked yet). */
  leading: Map<string, ({ region: Region; end: number } | null | undefined)[]>;
  /** label -> regionsInLabel(label). */
  inLabel: Map<string, readonly { region: Region; start: number; end: number }[]>;
  pairing: WeakMap<Supporter, Map<string, boolean>>;
  /** Lengths (longest first) of the region surfaces (names, aliases; 2+ code units) by their first two char codes. */
  surfaceLengths: CodePairMap<number[]>;
}
const memos = new WeakMap<FullLexicon, LexiconMemo>();
const LEADING_MEMO_LIMIT = 50_000;

function lexiconMemo(lex: FullLexicon): LexiconMemo {
  let memo = memos.get(lex);
  if (!memo) {
    const surfaceLengths = surfaceLengthsByPair(lex.regions.flatMap((r) => [r.name, ...r.aliases]));
    memo = { ancestors: new Map(), leading: new Map(), inLabel: new Map(), pairing: new WeakMap(), surfaceLengths };
    memos.set(lex, memo);
  }
  return memo;
}

export class ArticleContext {
  readonly lex: FullLexicon;
  readonly sentences: SentenceView[];
  readonly candidates: Candidate[] = [];
  private readonly evidenceCache = new Map<number, Evidence>();
  /** lexiconMemo(this.lex), looked up once per article rather than per question. */
  private readonly memo: LexiconMemo;

  constructor(readonly a: ResolvedArticle) {
    this.lex = getLexicon();
    this.memo = lexiconMemo(this.lex);
    const damaged = a.damaged ?? [];
    // mentions by sentence index; recognize emits them in text order, so runs of one sentence
    // are usually contiguous: remember the last list instead of a lookup per mention
    const byIndex = new Map<number, ResolvedMention[]>();
    let lastSentence = -1;
    let lastList: ResolvedMention[] | undefined;
    for (const m of a.mentions) {
      if (damaged.length > 0 && damaged.some((d) => m.start < d.end && d.start < m.end)) continue; // nothing from damaged text
      if (m.sentence !== lastSentence || !lastList) {
        lastSentence = m.sentence;
        lastList = byIndex.get(m.sentence);
        if (!lastList) byIndex.set(m.sentence, (lastList = objectList()));
      }
      lastList.push(m);
    }
    // Token boundaries of each sentence: which sentence's token starts/ends at an offset
    // (two arrays per article instead of a Set per sentence).
    const startOwner = new Int32Array(a.text.length + 1).fill(-1);
    const endOwner = new Int32Array(a.text.length + 1).fill(-1);
    const titleTokensOf = new Map<Sentence, Token[]>(); // TITLE tokens, collected in the same pass
    const { starts, ends, tagIds, tagNames } = a.tokens;
    const titleTag = tagNames.indexOf('TITLE');
    for (const s of a.sentences) {
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        startOwner[starts[k]!] = s.index;
        endOwner[ends[k]!] = s.index;
        if (tagIds[k] === titleTag) {
          const t = tokenAt(a.tokens, k);
          const list = titleTokensOf.get(s);
          if (list) list.push(t);
          else titleTokensOf.set(s, [t]);
        }
      }
    }
    let previousEnd = 0;
    // pushed, not mapped: Array.prototype.map gives a holey array for longer inputs and a packed one
    // for short ones, and every rule loops over this list (two array maps: deopts)
    const sentences = objectList<SentenceView>();
    for (const s of a.sentences) {
      sentences.push(this.view(s, byIndex, titleTokensOf, startOwner, endOwner, previousEnd));
      previousEnd = s.end;
    }
    this.sentences = sentences;
  }

  /** The view of one sentence: its trimmed span, its mentions, its token boundaries. */
  private view(s: Sentence, byIndex: Map<number, ResolvedMention[]>, titleTokensOf: Map<Sentence, Token[]>, startOwner: Int32Array, endOwner: Int32Array, previousEnd: number): SentenceView {
    const a = this.a;
    let start = s.start;
    let end = s.end;
    while (end > start && /\s/u.test(a.text[end - 1]!)) end--;
    while (start < end && /\s/u.test(a.text[start]!)) start++;
    const all = byStartLongestFirst(byIndex.get(s.index) ?? objectList<ResolvedMention>());
    // A name that ends inside a title word (…研究所工程|师) is a misreading: the title wins.
    const titleTokens = titleTokensOf.get(s) ?? [];
    const misread = (m: ResolvedMention) =>
      (m.kind === 'Project' || m.kind === 'Organization') && titleTokens.some((t) => t.start < m.end && m.end < t.end);
    const top = objectList<ResolvedMention>();
    let coverEnd = -1;
    // top-level = entity readings only: a Title/Money/Date span never hides a name (自治区|副主席)
    for (const m of all) {
      if ((!m.entity && !(m.kind === 'Pronoun' && this.regionRef(m))) || misread(m)) continue;
      if (m.end <= coverEnd) continue; // nested inside the previous top-level mention
      if (m.start < coverEnd) continue; // overlapping: keep the earlier, longer reading
      top.push(m);
      coverEnd = m.end;
    }
    const boundaries = { has: (pos: number) => startOwner[pos] === s.index || endOwner[pos] === s.index };
    const newParagraph = a.text.slice(previousEnd, s.start).includes('\n') || /^\s*\n/u.test(a.text.slice(s.start, start + 1));
    return { index: s.index, start, end, text: a.text.slice(start, end), all, top, boundaries, newParagraph };
  }

  /** Inside a damaged (mojibake) stretch: nothing is read from there. */
  isDamaged(pos: number): boolean {
    const damaged = this.a.damaged;
    if (!damaged || damaged.length === 0) return false;
    return damaged.some((d) => d.start <= pos && pos < d.end);
  }

  text(start: number, end: number): string {
    return start < end ? this.a.text.slice(start, end) : '';
  }

  /** Evidence for sentence i: its ORIGINAL characters and file offsets. */
  evidence(i: number): Evidence {
    const cached = this.evidenceCache.get(i);
    if (cached) return cached;
    // sentences are numbered in order, so sentences[i] is normally sentence i
    const s = this.sentences[i]?.index === i ? this.sentences[i]! : this.sentences.find((x) => x.index === i)!;
    const span = toFileSpan(this.a, s.start, s.end);
    const ev: Evidence = {
      article: this.a.id,
      sentence: this.a.original.slice(span.start - this.a.originalStart, span.end - this.a.originalStart),
      start: span.start,
      end: span.end,
    };
    this.evidenceCache.set(i, ev);
    return ev;
  }

  add(c: Candidate): void {
    if (c.source.key === c.target.key) return;
    this.candidates.push(c);
  }

  // ------------------------------------------------------------ regions

  region(label: string): Region | undefined {
    return this.lex.regionByName(label);
  }

  /** Names of the region's ancestors, nearest first. */
  ancestors(label: string): readonly string[] {
    const memo = this.memo.ancestors;
    const known = memo.get(label);
    if (known) return known;
    const out: string[] = [];
    let r = this.region(label);
    for (let guard = 0; r?.parent && guard < 8; guard++) {
      out.push(r.parent);
      r = this.region(r.parent);
    }
    // only lexicon regions are remembered (a bounded set); other labels have no ancestors
    if (this.region(label)) memo.set(label, Object.freeze(out));
    return out;
  }

  isAncestor(ancestor: string, label: string): boolean {
    return this.ancestors(label).includes(ancestor);
  }

  isXinjiang(label: string): boolean {
    if (label === XINJIANG || label === XPCC) return true;
    const up = this.ancestors(label);
    return up.includes(XINJIANG) || up.includes(XPCC);
  }

  /** Province-level Xinjiang targets (新疆, 兵团): used only when nothing more specific is said. */
  isXinjiangRoot(label: string): boolean {
    return label === XINJIANG || label === XPCC;
  }

  /** The supporter behind a region outside Xinjiang: itself (山西省, 深圳市) or its province (扬州市 -> 江苏省). */
  supporterFor(label: string): Supporter | undefined {
    if (this.isXinjiang(label)) return undefined;
    const own = this.lex.supporterByName(label);
    if (own) return own;
    for (const up of this.ancestors(label)) {
      const s = this.lex.supporterByName(up);
      if (s) return s;
    }
    return undefined;
  }

  /** Is `target` within the official pairing of `supporter` (or Xinjiang / the XPCC as a whole)? */
  pairingConsistent(supporter: Supporter, target: string): boolean {
    // pure lexicon knowledge, asked for every supporter/place pair of every sentence: remember it
    let bySupporter = this.memo.pairing.get(supporter);
    if (!bySupporter) this.memo.pairing.set(supporter, (bySupporter = new Map()));
    const known = bySupporter.get(target);
    if (known !== undefined) return known;
    const consistent = this.computePairingConsistent(supporter, target);
    if (this.region(target)) bySupporter.set(target, consistent); // lexicon regions only: bounded
    return consistent;
  }

  private computePairingConsistent(supporter: Supporter, target: string): boolean {
    if (this.isXinjiangRoot(target)) return true;
    if (!supporter.supports || supporter.supports.length === 0) return true; // nothing to check against
    const listed = supporter.supports;
    return listed.some((s) => {
      if (s === target || this.isAncestor(target, s)) return true;
      if (!this.isAncestor(s, target)) return false;
      // 喀什地区 is shared by four supporters, each with its own counties: inside a prefecture whose
      // counties are listed, only those count (an XPCC division supports all of its regiments).
      if (this.region(s)?.level !== 'prefecture') return true;
      const own = listed.filter((c) => this.isAncestor(s, c));
      return own.length === 0 || own.some((c) => c === target || this.isAncestor(c, target));
    });
  }

  /** The region a mention denotes: region mentions and 我省-like pronouns. */
  regionRef(m: ResolvedMention): EntityRef | undefined {
    if (m.kind === 'Pronoun' && !m.entity) {
      // 我市/本区 left unresolved: the article's home when its name ends with the same unit
      const unit = /^[我本]([省市区州县])$/u.exec(m.text)?.[1];
      const home = this.a.home;
      return unit && home && home.label.endsWith(unit) ? home : undefined;
    }
    if (!m.entity) return undefined;
    if (isRegionKind(m.entity.type) && (isRegionKind(m.kind) || m.kind === 'Pronoun')) return m.entity;
    return undefined;
  }

  isRegionMention(m: ResolvedMention): boolean {
    return this.regionRef(m) !== undefined;
  }

  /** Longest leading region name inside a label (湖南省援疆前方指挥部 -> 湖南省), with its length. */
  leadingRegion(label: string, from = 0): { region: Region; end: number } | undefined {
    // rules ask this of the same organisation/project labels again and again: remember answers
    // (one array per label indexed by `from`: no key string built per question)
    const memo = this.memo.leading;
    let answers = memo.get(label);
    const known = answers?.[from];
    if (known !== undefined) return known ?? undefined;
    let found: { region: Region; end: number } | null = null;
    const max = Math.min(label.length - from, 14);
    // only the lengths of region surfaces that start with these two characters (longest first)
    const lengths = max >= 2 ? this.surfaceLengthsAt(label, from) : undefined;
    for (const len of lengths ?? []) {
      if (len > max) continue;
      if (len < 2) break;
      const hits = this.lex.lookupRegion(label.slice(from, from + len));
      if (hits.length > 0) {
        found = Object.freeze({ region: hits[0]!, end: from + len });
        break;
      }
    }
    if (!answers) {
      if (memo.size >= LEADING_MEMO_LIMIT) memo.clear(); // labels are open-ended: keep memory bounded
      memo.set(label, (answers = []));
    }
    answers[from] = found;
    return found ?? undefined;
  }

  /**
   * Lengths (longest first) of the lexicon's region surfaces that may start at s[at]: undefined when
   * no surface starts with the two characters there, so lookups there are known to miss.
   */
  surfaceLengthsAt(s: string, at: number): readonly number[] | undefined {
    if (at + 1 >= s.length) return undefined;
    return this.memo.surfaceLengths.get(s.charCodeAt(at), s.charCodeAt(at + 1));
  }

  /** Could s.slice(at, at + len) be a region surface (name or alias)? False means lookupRegion would miss. */
  maybeRegionSurface(s: string, at: number, len: number): boolean {
    if (len < 2 || at + len > s.length) return true; // (one character, or cut short: let the lookup answer)
    return this.surfaceLengthsAt(s, at)?.includes(len) ?? false;
  }

  /** Regions named one after another at the start of a label (广东喀什产业园 -> 广东, 喀什). */
  leadingRegions(label: string): { region: Region; start: number; end: number }[] {
    const out: { region: Region; start: number; end: number }[] = [];
    let at = 0;
    for (;;) {
      const hit = this.leadingRegion(label, at);
      if (!hit) break;
      out.push({ region: hit.region, start: at, end: hit.end });
      at = hit.end;
    }
    return out;
  }

  /**
   * Regions listed from `pos` on (喀什地区疏勒、英吉沙和麦盖提四县): recognised region mentions, and
   * also bare names the recognizer left out when the lexicon makes them children of a region
   * already in the list (only inside such a list, where the parent disambiguates them).
   */
  regionList(s: SentenceView, pos: number, accept: (ref: EntityRef) => boolean, first: RegExp = /^$/u): ListedRegion[] {
    const out: ListedRegion[] = [];
    let at = pos;
    for (let guard = 0; guard < 30; guard++) {
      // a name right here (新疆和田: 和 is not a separator there), else after a separator
      const lead = (out.length === 0 ? first : /^(、|和|及|以及|与)/u).exec(this.text(at, s.end));
      const starts = lead && lead[0].length > 0 ? [at, at + lead[0].length] : [at];
      let next: ListedRegion | undefined;
      let stop = false;
      for (const p of starts) {
        const m = s.top.find((x) => x.start === p);
        if (m) {
          const ref = m.kind === 'Pronoun' ? undefined : this.regionRef(m);
          if (ref && accept(ref)) next = { ref, start: m.start, end: m.end, mention: m };
          else stop = true;
          break;
        }
        if (out.length === 0) continue;
        next = this.childNamedAt(s, p, out, accept);
        if (next) break;
      }
      if (!next || stop) break;
      out.push(next);
      at = next.end;
    }
    return out;
  }

  /** A bare name at p that the lexicon makes a child of a region already listed. */
  private childNamedAt(s: SentenceView, p: number, out: ListedRegion[], accept: (ref: EntityRef) => boolean): ListedRegion | undefined {
    // [p, p + len) overlaps a top mention exactly when p + len runs past the first start of one ending after p
    let blockedFrom = Infinity;
    for (const x of s.top) if (p < x.end && x.start < blockedFrom) blockedFrom = x.start;
    for (let len = Math.min(10, s.end - p); len >= 2; len--) {
      if (blockedFrom < p + len) continue;
      if (!this.maybeRegionSurface(this.a.text, p, len)) continue;
      const all = this.lex.lookupRegion(this.text(p, p + len)).filter((r) => out.some((o) => this.isAncestor(o.ref.label, r.name)));
      // 新疆和田: 和田地区 (a direct child of a listed region) rather than 和田市 or 和田县 below it
      const direct = all.filter((r) => out.some((o) => r.parent === o.ref.label));
      const hits = direct.length > 0 ? direct : all;
      if (hits.length === 1 && accept(refOfRegion(hits[0]!))) return { ref: refOfRegion(hits[0]!), start: p, end: p + len };
    }
    return undefined;
  }

  /** Region names inside a label, left to right, longest first (浙江省对口支援新疆阿克苏前方指挥部). */
  regionsInLabel(label: string): readonly { region: Region; start: number; end: number }[] {
    const memo = this.memo.inLabel;
    const known = memo.get(label);
    if (known) return known;
    const out: { region: Region; start: number; end: number }[] = [];
    for (let pos = 0; pos < label.length - 1; ) {
      const hit = this.leadingRegion(label, pos);
      if (hit) {
        out.push({ region: hit.region, start: pos, end: hit.end });
        pos = hit.end;
      } else pos++;
    }
    if (memo.size >= LEADING_MEMO_LIMIT) memo.clear();
    memo.set(label, Object.freeze(out));
    return out;
  }

  home(): EntityRef | undefined {
    return this.a.home;
  }
}

/** Mentions by start, longest first (stable). Recognize already emits them in that order: copy only then. */
function byStartLongestFirst(list: ResolvedMention[]): ResolvedMention[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i - 1]!;
    const y = list[i]!;
    if (x.start - y.start > 0 || (x.start === y.start && y.end - x.end > 0)) {
      return list.slice().sort((p, q) => p.start - q.start || q.end - p.end);
    }
  }
  return list;
}

export function isOrg(m: ResolvedMention): boolean {
  return m.kind === 'Organization' && m.entity !== undefined;
}

export function isProject(m: ResolvedMention): boolean {
  return m.kind === 'Project' && m.entity !== undefined;
}

/**
 * A clause that opens on "the project": 该项目 / 此工程, or a bare 项目 / 工程 right before what
 * is said of one (，项目总投资…, 项目位于…; not 项目库, 项目化); projectBefore says which one.
 */
export const THIS_PROJECT =
  /(?<=^|[，,；;：:])(?:(?:该|这个|此|这一)(?:项目|工程)|(?:项目|工程)(?=总投资|计划总投资|计划投资|预计总投资|预计投资|投资|位于|落户|落地|坐落|建在|选址))/u;

/**
 * 该校/该中心/该产业园…, or a bare 产业园/基地 opening a clause before 由 (产业园由某省投资建设): the
 * facility named before, when its name ends in that noun (see facilityFits).
 */
export const THIS_FACILITY =
  /(?<=^|[，,；;：:])(?:(?:该|这个|此|这一|这座|这所)(学校|校|医院|院|中心|产业园|物流园|工业园|园区|园|基地|工厂|厂)|(产业园|物流园|工业园|园区|基地|中心|学校|医院)(?=由))/u;

/** The facility a THIS_FACILITY noun can stand for: 该校 a school, 该中心 a 中心, 该园 a park. */
export function facilityFits(label: string, noun: string): boolean {
  if (noun === '校' || noun === '学校') return /(?:学校|中学|小学|学院|校)$/u.test(label);
  if (noun === '院' || noun === '医院') return /院$/u.test(label);
  if (noun === '园' || noun === '园区') return /园(?:区)?$/u.test(label);
  if (noun === '厂' || noun === '工厂') return /厂$/u.test(label);
  return label.endsWith(noun);
}

/** How far back (in sentences) 该项目 may look for the project it refers to. */
const PROJECT_ANTECEDENT_SENTENCES = 3;

/**
 * The project "该项目 / 项目" at the start of sentence `index` refers to: the only project of the
 * nearest earlier sentence of the same paragraph that names one (at most
 * PROJECT_ANTECEDENT_SENTENCES back), or nothing when that sentence names two different projects.
 */
export function projectBefore(ctx: ArticleContext, index: number): ResolvedMention | undefined {
  for (let i = index - 1; i >= 0 && i >= index - PROJECT_ANTECEDENT_SENTENCES; i--) {
    if (ctx.sentences[i + 1]?.newParagraph) break; // a new paragraph speaks of its own project
    const projects = ctx.sentences[i]?.top.filter(isProject) ?? [];
    if (projects.length === 0) continue;
    return projects.every((p) => p.entity!.key === projects[0]!.entity!.key) ? projects[0] : undefined;
  }
  return undefined;
}

export function isPerson(m: ResolvedMention): boolean {
  return m.kind === 'Person' && m.entity !== undefined;
}

/** Organisations whose name says they are a supporter's aid office (前方指挥部, 援疆指挥组, 前指 ...). */
export const AID_ORG = /援疆|对口支援|援建|前指|前方指挥部|前方工作组|援疆工作队/u;

export const CLAUSE_PUNCT = /[，。；！？：,;!?:\n]/u;
