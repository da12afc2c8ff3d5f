// Resolve stage: every mention to one canonical entity, the article's home province/city
// (inferred from the text: source line, 本报 paper, 率…党政代表团, what it is mostly about),
// and one EntityRecord per entity and article. Rules in src/recognize/resolver.ts.
import { getLexicon } from './lexicon/index.js';
import { resolveWith } from './recognize/resolver.js';
import type { RecognizedArticle, ResolvedArticle } from './types.js';

export function resolveDocument(articles: RecognizedArticle[]): ResolvedArticle[] {
  return resolveWith(articles, getLexicon());
}
