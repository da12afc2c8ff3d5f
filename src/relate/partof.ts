// PART_OF when the text states it (the graph stage adds the lexicon's PART_OF separately):
//   part.adjacent  昌吉州奇台县, 第六师五家渠市, 新疆克州: a region written right before one inside it
//   part.list      喀什地区疏勒、英吉沙、岳普湖和麦盖提四县: every listed child of the head
//   part.name      兵团第六师, 十二师二二二团: a mention whose surface starts with its ancestor
import type { EntityRef, ResolvedMention } from '../types.js';
import { refOfRegion, type ArticleContext, type SentenceView } from './context.js';

function regionOf(ctx: ArticleContext, m: ResolvedMention): EntityRef | undefined {
  if (m.kind === 'Pronoun' || m.rule === 'pairing-compound') return undefined;
  return ctx.regionRef(m);
}

// (one function per rule, called per sentence in the same order: V8 re-optimises a small function
// when it meets a new shape instead of recompiling the whole rule set)
export function findPartOf(ctx: ArticleContext): void {
  for (const s of ctx.sentences) {
    headAndChildren(ctx, s);
    insideNames(ctx, s);
    spelledWithAncestor(ctx, s);
  }
}

function emit(ctx: ArticleContext, s: SentenceView, child: EntityRef, parent: EntityRef, rule: string): void {
  ctx.add({ type: 'PART_OF', source: child, target: parent, attrs: {}, sentence: s.index, confidence: 0.9, rule });
}

/** The head, then its children: adjacent (昌吉州奇台县) or a list (喀什地区疏勒、英吉沙…). */
function headAndChildren(ctx: ArticleContext, s: SentenceView): void {
  for (const m of s.top) {
    const head = regionOf(ctx, m);
    if (!head) continue;
    const list = ctx.regionList(s, m.start, () => true);
    if (list.length < 2 || list[1]!.start !== m.end) continue;
    for (let j = 1; j < list.length; j++) {
      const child = list[j]!.ref;
      if (!ctx.isAncestor(head.label, child.label)) break;
      emit(ctx, s, child, head, j === 1 ? 'part.adjacent' : 'part.list');
    }
  }
}

/** Inside a name: …对口支援新疆克州前方指挥部. */
function insideNames(ctx: ArticleContext, s: SentenceView): void {
  for (const m of s.top) {
    if (m.kind !== 'Organization' && m.kind !== 'Project') continue;
    const inside = ctx.regionsInLabel(m.entity!.label);
    for (let i = 0; i + 1 < inside.length; i++) {
      const x = inside[i]!;
      const y = inside[i + 1]!;
      if (y.start === x.end && y.region.parent === x.region.name) emit(ctx, s, refOfRegion(y.region), refOfRegion(x.region), 'part.name');
    }
  }
}

/** A single mention spelled with its ancestor first. */
function spelledWithAncestor(ctx: ArticleContext, s: SentenceView): void {
  for (const m of s.top) {
    const self = regionOf(ctx, m);
    if (!self) continue;
    const surface = ctx.text(m.start, m.end);
    let child = self;
    let rest = surface;
    for (let guard = 0; guard < 3; guard++) {
      const found = ancestorPrefix(ctx, rest, child);
      if (!found) break;
      emit(ctx, s, child, found.ref, 'part.name');
      if (child === self) {
        // 兵团第六师、第十二师: listed siblings share the spelled-out ancestor
        for (const sib of ctx.regionList(s, m.start, () => true).slice(1)) {
          if (sib.start === m.end) break; // adjacency is a child, not a sibling
          if (ctx.region(sib.ref.label)?.parent === ctx.region(self.label)?.parent) emit(ctx, s, sib.ref, found.ref, 'part.name');
        }
      }
      child = found.ref;
      rest = rest.slice(0, found.len);
    }
  }
}

/** The longest ancestor of `child` that `rest` starts with, the rest of `rest` naming the child. */
function ancestorPrefix(ctx: ArticleContext, rest: string, child: EntityRef): { ref: EntityRef; len: number } | undefined {
  const ancestors = ctx.ancestors(child.label);
  for (let len = rest.length - 1; len >= 2; len--) {
    // 兵团|第六师, 十二师|二二二团 — but not 喀什|市: the rest must itself name the child
    if (!ctx.maybeRegionSurface(rest, len, rest.length - len)) continue;
    if (!ctx.lex.lookupRegion(rest.slice(len)).some((r) => r.name === child.label)) continue;
    const hit = ctx.lex.lookupRegion(rest.slice(0, len)).find((r) => ancestors.includes(r.name));
    if (hit) return { ref: refOfRegion(hit), len };
  }
  return undefined;
}
