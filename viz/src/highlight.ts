// Evidence sentences are quoted from the ORIGINAL file (maybe traditional), entity names are
// simplified: names are matched on the t -> cn conversion and marked on the original
// characters. Everything becomes text nodes: article text never reaches the DOM as HTML.
import { toSimplified } from './search.js';

export interface Mark {
  names: string[];
  className: string;
}

/** [start, end, className] ranges of the sentence to mark, earlier marks win on overlap. */
export function findMarks(sentence: string, marks: Mark[]): [number, number, string][] {
  const converted = toSimplified(sentence);
  // OpenCC t -> cn is character for character on almost all text; when it is not, match the original.
  const haystack = converted.length === sentence.length ? converted : sentence;
  const taken = new Uint8Array(sentence.length);
  const ranges: [number, number, string][] = [];
  for (const { names, className } of marks) {
    // Longest names first so that 昌吉回族自治州 wins over 昌吉. One-character abbreviations (疆, 晋)
    // are everywhere in running text: they are marked only when no longer name of the entity is present.
    const sorted = [...new Set(names.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
    let found = 0;
    for (const name of sorted) {
      if (name.length === 1 && found > 0) break;
      let from = 0;
      for (;;) {
        const at = haystack.indexOf(name, from);
        if (at === -1) break;
        from = at + 1;
        let free = true;
        for (let k = at; k < at + name.length; k++) if (taken[k]) free = false;
        if (!free) continue;
        taken.fill(1, at, at + name.length);
        ranges.push([at, at + name.length, className]);
        found++;
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function highlightedSentence(sentence: string, marks: Mark[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let pos = 0;
  for (const [start, end, className] of findMarks(sentence, marks)) {
    if (start > pos) fragment.append(document.createTextNode(sentence.slice(pos, start)));
    const mark = document.createElement('mark');
    mark.className = className;
    mark.textContent = sentence.slice(start, end);
    fragment.append(mark);
    pos = end;
  }
  if (pos < sentence.length) fragment.append(document.createTextNode(sentence.slice(pos)));
  return fragment;
}

/** Small DOM helper: an element with a class and TEXT content (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
