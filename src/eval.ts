// Precision / recall / F1 of an extracted graph against a gold annotation in the format of
// ../shared/gold/seeds.gold.json. Pure functions over plain data; the CLI only prints.
//
// Matching rules (DESIGN.md): a predicted item matches a gold item of the same type when its
// label equals the gold name or one of the gold aliases. Items are compared as sets over the
// whole corpus (the graph has one node per real-world entity across articles).
//   - Entities: nodes with at least one mention in the text. Regions the graph adds only
//     because the lexicon names them as a parent (mentions = 0) are context, not extractions.
//   - Relations: (type, from, to); COOPERATES_WITH is symmetric. The PART_OF edges the graph
//     adds from the lexicon (rule 'lexicon', no evidence) are context too: gold annotates what
//     the text states, and `--inputs` (extraction results) never has them, so both agree. Gold relations marked
//     attrs.implicit are optional: a prediction that matches one is neither a hit nor a
//     false positive, and a missed one is not a miss.
//   - FUNDS amounts: among matched FUNDS whose gold has amount_yuan, how many predicted it exactly.
//   - HOLDS_POSITION titles are reported (matched with the same title), not used for matching.
//   - Names are compared after folding full-width punctuation to ASCII (，→, （→( …), since
//     annotators and normalized text write the same name with either width.
import { ENTITY_TYPES, RELATION_TYPES, type ArticleResult } from './types.js';

export interface GoldEntity {
  type: string;
  name: string;
  aliases?: string[];
  attrs?: Record<string, unknown>;
}
export interface GoldRelation {
  type: string;
  from: string;
  to: string;
  evidence?: string;
  attrs?: { implicit?: boolean; amount_yuan?: number; title?: string; [k: string]: unknown };
}
export interface GoldFile {
  schema_version?: number;
  documents: { doc: string; entities: GoldEntity[]; relations: GoldRelation[] }[];
}

export interface PredictedEntity {
  type: string;
  label: string;
  aliases: string[];
}
export interface PredictedRelation {
  type: string;
  from: string; // label
  to: string; // label
  amount_yuan?: number;
  title?: string;
}
export interface Predictions {
  entities: PredictedEntity[];
  relations: PredictedRelation[];
}

export interface Score {
  type: string;
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  entities: Score[];
  relations: Score[];
  funds_amounts: { with_gold_amount: number; matched: number; correct: number; wrong: { from: string; to: string; gold: number; predicted?: number }[] };
  holds_position_titles: { matched: number; same_title: number };
  missed: Record<string, string[]>; // type -> gold items not found
  invented: Record<string, string[]>; // type -> predictions matching nothing
}

/** Reads graphology's serialization (graph.json) into the prediction sets. */
export function predictionsFromGraphJson(graph: {
  nodes: { key: string; attributes?: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes?: Record<string, unknown> }[];
}): Predictions {
  const labelOf = new Map<string, string>();
  const entities: PredictedEntity[] = [];
  for (const node of graph.nodes) {
    const a = node.attributes ?? {};
    const label = String(a.label ?? node.key);
    labelOf.set(node.key, label);
    if (a.type === 'Article') continue;
    if (typeof a.mentions === 'number' && a.mentions <= 0) continue;
    entities.push({ type: String(a.type), label, aliases: Array.isArray(a.aliases) ? a.aliases.map(String) : [] });
  }
  const relations: PredictedRelation[] = [];
  for (const edge of graph.edges) {
    const a = edge.attributes ?? {};
    if (a.type === 'MENTIONS' || a.rule === 'lexicon') continue;
    relations.push({
      type: String(a.type),
      from: labelOf.get(edge.source) ?? edge.source,
      to: labelOf.get(edge.target) ?? edge.target,
      ...(typeof a.amount_yuan === 'number' ? { amount_yuan: a.amount_yuan } : {}),
      ...(typeof a.title === 'string' ? { title: a.title } : {}),
    });
  }
  return { entities, relations };
}

/** The same prediction sets straight from extraction results (no graph build needed). */
export function predictionsFromResults(results: Iterable<ArticleResult>): Predictions {
  const entities = new Map<string, PredictedEntity>();
  const labelOf = new Map<string, string>();
  const relations: PredictedRelation[] = [];
  for (const result of results) {
    for (const e of result.entities) {
      labelOf.set(e.key, e.label);
      const seen = entities.get(e.key);
      if (seen) seen.aliases = [...new Set([...seen.aliases, ...e.aliases])];
      else entities.set(e.key, { type: e.type, label: e.label, aliases: [...e.aliases] });
    }
    for (const r of result.relations) {
      if (r.type === 'MENTIONS') continue;
      relations.push({
        type: r.type,
        from: labelFromKey(r.source, labelOf),
        to: labelFromKey(r.target, labelOf),
        ...(r.attrs.amount_yuan !== undefined ? { amount_yuan: r.attrs.amount_yuan } : {}),
        ...(r.attrs.title !== undefined ? { title: r.attrs.title } : {}),
      });
    }
  }
  return { entities: [...entities.values()], relations };
}

const FULL_WIDTH_PUNCTUATION = /[\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF5E]/g;
/** Folds full-width ASCII punctuation to half-width so 《A，B》 and 《A,B》 compare equal. */
export function foldName(name: string): string {
  return name.replace(FULL_WIDTH_PUNCTUATION, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function labelFromKey(key: string, labelOf: Map<string, string>): string {
  return labelOf.get(key) ?? key.slice(key.indexOf(':') + 1);
}

interface GoldEntityIndex {
  // type -> canonical gold name -> all names that denote it (name + aliases)
  names: Map<string, Map<string, Set<string>>>;
  // any type: canonical gold name -> names (relations refer to entities by name only)
  anyType: Map<string, Set<string>>;
}

function indexGoldEntities(gold: GoldFile): GoldEntityIndex {
  const names = new Map<string, Map<string, Set<string>>>();
  const anyType = new Map<string, Set<string>>();
  for (const doc of gold.documents) {
    for (const e of doc.entities) {
      const byName = names.get(e.type) ?? new Map<string, Set<string>>();
      names.set(e.type, byName);
      const set = byName.get(e.name) ?? new Set<string>([foldName(e.name)]);
      for (const alias of e.aliases ?? []) set.add(foldName(alias));
      byName.set(e.name, set);
      const any = anyType.get(e.name) ?? new Set<string>([foldName(e.name)]);
      for (const alias of e.aliases ?? []) any.add(foldName(alias));
      anyType.set(e.name, any);
    }
  }
  return { names, anyType };
}

function score(type: string, gold: number, predicted: number, matchedGold: number, matchedPredicted: number): Score {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matchedPredicted / predicted;
  const recall = gold === 0 ? 1 : matchedGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { type, gold, predicted, matchedGold, matchedPredicted, precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function evaluate(gold: GoldFile, predictions: Predictions): EvalReport {
  const index = indexGoldEntities(gold);
  const missed: Record<string, string[]> = {};
  const invented: Record<string, string[]> = {};

  // ---- entities
  const entityScores: Score[] = [];
  for (const type of ENTITY_TYPES) {
    if (type === 'Article') continue;
    const goldByName = index.names.get(type) ?? new Map<string, Set<string>>();
    const preds = predictions.entities.filter((e) => e.type === type);
    const matchedGoldNames = new Set<string>();
    let matchedPredicted = 0;
    const inventedHere: string[] = [];
    for (const p of preds) {
      let hit = false;
      for (const [name, denotations] of goldByName) {
        if (denotations.has(foldName(p.label))) {
          matchedGoldNames.add(name);
          hit = true;
        }
      }
      if (hit) matchedPredicted++;
      else inventedHere.push(p.label);
    }
    missed[type] = [...goldByName.keys()].filter((n) => !matchedGoldNames.has(n)).sort();
    invented[type] = inventedHere.sort();
    entityScores.push(score(type, goldByName.size, preds.length, matchedGoldNames.size, matchedPredicted));
  }

  // ---- relations (deduplicated on both sides)
  const goldRelations = new Map<string, GoldRelation>();
  for (const doc of gold.documents) {
    for (const r of doc.relations) {
      const key = `${r.type}|${r.from}|${r.to}`;
      const prev = goldRelations.get(key);
      // a relation is implicit only if every annotation of it is implicit
      if (!prev || (prev.attrs?.implicit && !r.attrs?.implicit)) goldRelations.set(key, r);
      else if (prev && r.attrs?.amount_yuan !== undefined && prev.attrs?.amount_yuan === undefined) {
        goldRelations.set(key, { ...prev, attrs: { ...prev.attrs, amount_yuan: r.attrs.amount_yuan } });
      }
    }
  }
  const denotes = (goldName: string, label: string) => (index.anyType.get(goldName) ?? new Set([foldName(goldName)])).has(foldName(label));
  const relationMatches = (g: GoldRelation, p: PredictedRelation) =>
    g.type === p.type &&
    ((denotes(g.from, p.from) && denotes(g.to, p.to)) ||
      (g.type === 'COOPERATES_WITH' && denotes(g.from, p.to) && denotes(g.to, p.from)));

  const uniquePreds = new Map<string, PredictedRelation>();
  for (const p of predictions.relations) {
    const key = `${p.type}|${p.from}|${p.to}`;
    const prev = uniquePreds.get(key);
    if (!prev || (prev.amount_yuan === undefined && p.amount_yuan !== undefined)) uniquePreds.set(key, p);
  }
  const allTitles = new Map<string, Set<string>>();
  for (const p of predictions.relations) {
    if (p.type !== 'HOLDS_POSITION' || p.title === undefined) continue;
    const key = `${p.from}|${p.to}`;
    const set = allTitles.get(key) ?? new Set<string>();
    set.add(p.title);
    allTitles.set(key, set);
  }

  const relationScores: Score[] = [];
  const fundsAmounts: EvalReport['funds_amounts'] = { with_gold_amount: 0, matched: 0, correct: 0, wrong: [] };
  const titles = { matched: 0, same_title: 0 };
  for (const type of RELATION_TYPES) {
    if (type === 'MENTIONS') continue;
    const golds = [...goldRelations.values()].filter((g) => g.type === type);
    const preds = [...uniquePreds.values()].filter((p) => p.type === type);
    let goldCount = 0;
    let matchedGold = 0;
    const missedHere: string[] = [];
    for (const g of golds) {
      const hits = preds.filter((p) => relationMatches(g, p));
      if (g.attrs?.implicit) continue;
      goldCount++;
      if (hits.length > 0) matchedGold++;
      else missedHere.push(`${g.from} -> ${g.to}`);
      if (type === 'FUNDS' && g.attrs?.amount_yuan !== undefined) {
        fundsAmounts.with_gold_amount++;
        if (hits.length > 0) {
          fundsAmounts.matched++;
          const predicted = hits.find((h) => h.amount_yuan !== undefined)?.amount_yuan;
          if (predicted === g.attrs.amount_yuan) fundsAmounts.correct++;
          else fundsAmounts.wrong.push({ from: g.from, to: g.to, gold: g.attrs.amount_yuan, ...(predicted !== undefined ? { predicted } : {}) });
        }
      }
      if (type === 'HOLDS_POSITION' && hits.length > 0) {
        titles.matched++;
        const goldTitle = g.attrs?.title;
        if (goldTitle !== undefined && hits.some((h) => allTitles.get(`${h.from}|${h.to}`)?.has(goldTitle))) titles.same_title++;
      }
    }
    let predictedCount = 0;
    let matchedPredicted = 0;
    const inventedHere: string[] = [];
    for (const p of preds) {
      const hits = golds.filter((g) => relationMatches(g, p));
      if (hits.length > 0 && hits.every((g) => g.attrs?.implicit)) continue; // optional: not counted
      predictedCount++;
      if (hits.length > 0) matchedPredicted++;
      else inventedHere.push(`${p.from} -> ${p.to}`);
    }
    missed[type] = missedHere.sort();
    invented[type] = inventedHere.sort();
    relationScores.push(score(type, goldCount, predictedCount, matchedGold, matchedPredicted));
  }
  return { entities: entityScores, relations: relationScores, funds_amounts: fundsAmounts, holds_position_titles: titles, missed, invented };
}

/** Human-readable table of an EvalReport. */
export function formatEvalReport(report: EvalReport, options: { show?: string[] } = {}): string {
  const lines: string[] = [];
  const row = (s: Score) =>
    `  ${s.type.padEnd(16)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${String(s.matchedGold).padStart(4)}/${String(s.gold).padEnd(5)}${String(s.matchedPredicted).padStart(4)}/${s.predicted}`;
  const header = `  ${'type'.padEnd(16)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   gold hit  pred hit`;
  lines.push('Entities', header, ...report.entities.map(row), '');
  lines.push('Relations', header, ...report.relations.map(row), '');
  const f = report.funds_amounts;
  lines.push(`FUNDS amounts: ${f.correct}/${f.with_gold_amount} right (${f.matched} of those relations found)`);
  for (const w of f.wrong) lines.push(`  wrong amount ${w.from} -> ${w.to}: gold ${w.gold}, predicted ${w.predicted ?? 'none'}`);
  lines.push(`HOLDS_POSITION titles: ${report.holds_position_titles.same_title}/${report.holds_position_titles.matched} found relations carry the gold title`, '');
  const show = options.show ?? ['SUPPORTS'];
  for (const type of show) {
    if (report.missed[type]?.length) lines.push(`${type} missed (${report.missed[type].length}):`, ...report.missed[type].map((x) => `  - ${x}`));
    if (report.invented[type]?.length) lines.push(`${type} invented (${report.invented[type].length}):`, ...report.invented[type].map((x) => `  + ${x}`));
  }
  return lines.join('\n');
}

const pct = (x: number) => x.toFixed(3).padStart(7);

