// Extraction of one source document: the stages of DESIGN.md composed, nothing else.
// A document (not an article) is the unit of work so that resolve can use the whole
// file as context (e.g. a newspaper page whose masthead names the home province).
import type { ArticleResult, RawArticle, SourceDocument } from './types.js';
import { splitArticles } from './ingest.js';
import { normalizeArticle } from './normalize.js';
import { initSegmenter, segmentArticle } from './segment.js';
import { recognizeArticle } from './recognize.js';
import { resolveDocument } from './resolve.js';
import { relateArticle } from './relate.js';

/** Longer "articles" (a scrape with no structure, one 50 MB line) are cut into parts of about this size. */
export const MAX_ARTICLE_CHARS = 100_000;
const SENTENCE_END = /[。！？!?\n]/g;

export function extractDocument(doc: SourceDocument, articles: RawArticle[] = boundedArticles(splitArticles(doc))): ArticleResult[] {
  initSegmenter();
  const recognized = articles
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

/**
 * Cuts articles longer than MAX_ARTICLE_CHARS at the last sentence end before the limit
 * (or hard at the limit when there is none), so memory per unit of work stays bounded.
 * Parts are numbered on after the article they come from; ids stay `${file}#${index}`.
 */
export function boundedArticles(articles: RawArticle[]): RawArticle[] {
  if (articles.every((a) => a.text.length <= MAX_ARTICLE_CHARS)) return articles;
  const out: RawArticle[] = [];
  for (const article of articles) {
    let from = 0;
    while (from < article.text.length) {
      let to = Math.min(article.text.length, from + MAX_ARTICLE_CHARS);
      if (to < article.text.length) {
        const window = article.text.slice(from, to);
        let cut = -1;
        for (const m of window.matchAll(SENTENCE_END)) cut = m.index! + 1;
        if (cut > MAX_ARTICLE_CHARS / 2) to = from + cut;
      }
      out.push({
        ...article,
        ...(from > 0 ? { title: undefined } : {}),
        start: article.start + from,
        end: article.start + to,
        text: article.text.slice(from, to),
      });
      from = to;
    }
  }
  return out.map((a, index) => ({ ...a, index, id: `${a.file}#${index}` }));
}
