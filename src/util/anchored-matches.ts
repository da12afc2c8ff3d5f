// The matches of a global regex, tried only where a match can start.
//
// A pattern like `((?:[\u4e00-\u9fff]{2,9}、){2,}…)等` (a list of names ending in 等) fails at
// almost every position of an article, and V8's backtracking tries each one: the two such
// list patterns took ~2.5% of the extraction's CPU. Every match of such a pattern holds its
// first 、 a bounded distance after its start, so only the starts before each 、 need trying.

/**
 * A pattern (with the `y` flag where a global one has `g`) whose every match has `anchor` (one
 * UTF-16 code unit) at an offset from its start within [minOffset, maxOffset], its first one
 * there, and whose first character class holds no surrogates.
 */
export interface AnchoredPattern {
  sticky: RegExp;
  anchor: string;
  minOffset: number;
  maxOffset: number;
}

/** The same matches, in the same order, as `text.matchAll` of the pattern with `g`. */
export function* anchoredMatches(text: string, { sticky, anchor, minOffset, maxOffset }: AnchoredPattern): Generator<RegExpExecArray> {
  let next = 0; // starts below this are done: tried and failed, or inside an earlier match
  for (let k = text.indexOf(anchor, minOffset); k >= 0; k = text.indexOf(anchor, k + 1)) {
    // A match's first anchor lies in [start + minOffset, start + maxOffset]; anchors are visited in
    // order, so each start is tried at its first anchor's turn, smaller starts first.
    const last = k - minOffset;
    let matched: RegExpExecArray | null = null;
    for (let s = Math.max(next, k - maxOffset); s <= last && !matched; s++) {
      sticky.lastIndex = s;
      matched = sticky.exec(text);
    }
    if (!matched) {
      next = Math.max(next, last + 1);
      continue;
    }
    yield matched;
    next = matched.index + Math.max(1, matched[0].length);
    // the next match starts at `next` or later, so its first anchor is at next + minOffset or later
    k = next + minOffset - 1;
  }
}
