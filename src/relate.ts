// relate: typed, evidence-carrying relations between the resolved mentions of one article.
// Each relation type has its own rule module under relate/; this file runs them and turns
// their candidates into RelationRecords (one per type/source/target/title/sentence, the most
// confident rule wins), sorted so that the same input gives byte-identical output.
import type { RelationRecord, ResolvedArticle } from './types.js';
import { ArticleContext, type Candidate } from './relate/context.js';
import { findSupports } from './relate/supports.js';
import { findPositions } from './relate/positions.js';
import { findFunds } from './relate/funds.js';
import { findLocated } from './relate/located.js';
import { findVisits } from './relate/visits.js';
import { findCooperation } from './relate/cooperates.js';
import { findPartOf } from './relate/partof.js';

export function relateArticle(a: ResolvedArticle): RelationRecord[] {
  if (a.sentences.length === 0) return [];
  const ctx = new ArticleContext(a);
  findSupports(ctx);
  findPositions(ctx);
  findFunds(ctx);
  findLocated(ctx);
  findVisits(ctx);
  findCooperation(ctx);
  findPartOf(ctx);

  const best = new Map<string, Candidate>();
  for (const c of ctx.candidates) {
    const key = `${c.type}\u0000${c.source.key}\u0000${c.target.key}\u0000${c.attrs?.title ?? ''}\u0000${c.sentence}`;
    const prev = best.get(key);
    if (!prev || c.confidence > prev.confidence || (c.confidence === prev.confidence && mergedAttrsRicher(c, prev))) {
      best.set(key, prev ? { ...c, attrs: { ...prev.attrs, ...c.attrs } } : c);
    } else if (prev) {
      prev.attrs = { ...c.attrs, ...prev.attrs };
    }
  }
  // pushed, not mapped (map's result is holey or packed by length: two array maps for the sort)
  const records: RelationRecord[] = [];
  for (const c of best.values()) {
    records.push({
      type: c.type,
      source: c.source.key,
      target: c.target.key,
      attrs: sortedAttrs(c.attrs ?? {}),
      evidence: ctx.evidence(c.sentence),
      confidence: c.confidence,
      rule: c.rule,
    });
  }
  return records.sort(
    (x, y) =>
      x.evidence.start - y.evidence.start ||
      cmp(x.type, y.type) ||
      cmp(x.source, y.source) ||
      cmp(x.target, y.target) ||
      cmp(x.attrs.title ?? '', y.attrs.title ?? '') ||
      cmp(x.rule, y.rule),
  );
}

function mergedAttrsRicher(a: Candidate, b: Candidate): boolean {
  return Object.keys(a.attrs ?? {}).length > Object.keys(b.attrs ?? {}).length;
}

function sortedAttrs<T extends object>(attrs: T): T {
  // most relations carry no attribute or one: nothing to sort then
  let count = 0;
  for (const _ in attrs) if (++count > 1) break;
  if (count === 0) return {} as T;
  if (count === 1) return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as T;
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined).sort(([x], [y]) => cmp(x, y))) as T;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
