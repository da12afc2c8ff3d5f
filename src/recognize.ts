// Recognize stage: typed mentions (entities, money, dates, titles, 我省-type pronouns) in one
// segmented article. The rules live in src/recognize/*.ts; see src/recognize/README.md for the
// exact shape of what is emitted (kinds, rule names, attrs keys).
import { getLexicon } from './lexicon/index.js';
import { recognizeWith } from './recognize/core.js';
import type { RecognizedArticle, SegmentedArticle } from './types.js';

export function recognizeArticle(a: SegmentedArticle): RecognizedArticle {
  return recognizeWith(a, getLexicon());
}
