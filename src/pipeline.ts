// Extraction of one source document: the stages of DESIGN.md composed, nothing else.
// A document (not an article) is the unit of work so that resolve can use the whole
// file as context (e.g. a newspaper page whose masthead names the home province).
import type { ArticleResult, SourceDocument } from './types.js';
import { splitArticles } from './ingest.js';
import { normalizeArticle } from './normalize.js';
import { initSegmenter, segmentArticle } from './segment.js';
import { recognizeArticle } from './recognize.js';
import { resolveDocument } from './resolve.js';
import { relateArticle } from './relate.js';

export function extractDocument(doc: SourceDocument): ArticleResult[] {
  initSegmenter();
  const recognized = splitArticles(doc)
    .map(normalizeArticle)
    .map(segmentArticle)
    .map(recognizeArticle);
  return resolveDocument(recognized).map((article) => ({
    article: {
      id: article.id,
      file: article.file,
      index: article.index,
      ...(article.title ? { title: article.title } : {}),
      characters: article.text.length,
    },
    entities: article.entities,
    relations: relateArticle(article),
    messages: article.messages,
  }));
}
