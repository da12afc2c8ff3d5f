// Hand-built ResolvedArticles for relate's unit tests: real sentence split and jieba tokens
// (segment stage), but mentions given by the test, so each rule is tested on its own.
import { getLexicon } from '../../src/lexicon/index.js';
import { segmentArticle } from '../../src/segment.js';
import { relateArticle } from '../../src/relate.js';
import { extractDocument } from '../../src/pipeline.js';
import type {
  EntityRecord,
  EntityRef,
  MentionKind,
  NamedEntityType,
  NormalizedArticle,
  RelationRecord,
  ResolvedArticle,
  ResolvedMention,
  SourceDocument,
} from '../../src/types.js';

/** [kind, surface, canonical label?] — the nth unused occurrence of the surface is taken. */
export type MentionSpec = [MentionKind, string, string?];

const ENTITY_KINDS = new Set(['Person', 'Province', 'Prefecture', 'County', 'Project', 'Organization']);

function regionRef(surfaceOrName: string): EntityRef | undefined {
  const lex = getLexicon();
  const r = lex.regionByName(surfaceOrName) ?? lex.lookupRegion(surfaceOrName)[0];
  return r ? { key: `${r.type}:${r.name}`, type: r.type, label: r.name } : undefined;
}

export function makeArticle(text: string, specs: MentionSpec[], options: { home?: string; id?: string } = {}): ResolvedArticle {
  const offsets = new Int32Array(text.length + 1).map((_, i) => i);
  const normalized: NormalizedArticle = {
    id: options.id ?? 'test.txt#0',
    file: 'test.txt',
    index: 0,
    text,
    offsets,
    original: text,
    originalStart: 0,
    damaged: [],
    messages: [],
  };
  const segmented = segmentArticle(normalized);
  const home = options.home ? regionRef(options.home) : undefined;
  const used = new Set<string>();
  const mentions: ResolvedMention[] = [];
  for (const [kind, surface, label] of specs) {
    let start = text.indexOf(surface);
    while (start >= 0 && used.has(`${start}:${surface}`)) start = text.indexOf(surface, start + 1);
    if (start < 0) throw new Error(`fixture: "${surface}" not found (or all occurrences used) in: ${text}`);
    used.add(`${start}:${surface}`);
    const end = start + surface.length;
    const sentence = segmented.sentences.find((s) => s.start <= start && start < s.end)!.index;
    let entity: EntityRef | undefined;
    if (kind === 'Pronoun') entity = home;
    else if (kind === 'Province' || kind === 'Prefecture' || kind === 'County') {
      entity = regionRef(label ?? surface) ?? { key: `${kind}:${label ?? surface}`, type: kind, label: label ?? surface };
    } else if (ENTITY_KINDS.has(kind)) {
      const type = kind as NamedEntityType;
      entity = { key: `${type}:${label ?? surface}`, type, label: label ?? surface };
    }
    const m: ResolvedMention = { kind, text: surface, start, end, sentence, rule: 'fixture', ...(entity ? { entity } : {}) };
    if (kind === 'Money' || kind === 'Date') m.value = Number(label);
    mentions.push(m);
  }
  const byKey = new Map<string, EntityRecord>();
  for (const m of mentions) {
    if (!m.entity || m.kind === 'Pronoun') continue;
    const e = byKey.get(m.entity.key) ?? { ...m.entity, aliases: [], mentions: 0 };
    e.mentions++;
    byKey.set(m.entity.key, e);
  }
  return { ...segmented, mentions, entities: [...byKey.values()], ...(home ? { home } : {}) };
}

/** Relations as short strings: "TYPE source-label -> target-label". */
export function edges(records: RelationRecord[], type?: string): string[] {
  const label = (key: string) => key.slice(key.indexOf(':') + 1);
  return [...new Set(records.filter((r) => !type || r.type === type).map((r) => `${r.type} ${label(r.source)} -> ${label(r.target)}`))].sort();
}

export function relate(text: string, specs: MentionSpec[], options: { home?: string } = {}): RelationRecord[] {
  return relateArticle(makeArticle(text, specs, options));
}

/** The relations of one type the whole pipeline (ingest's split, recognize, resolve, relate) finds in a UTF-8 text. */
export function relationsIn(text: string, type: string): RelationRecord[] {
  const doc: SourceDocument = { file: 'invented.txt', encoding: 'utf-8', bytes: Buffer.byteLength(text), format: 'text', text };
  return extractDocument(doc).flatMap((r) => r.relations).filter((r) => r.type === type);
}
