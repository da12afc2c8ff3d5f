// Character classes as tables by UTF-16 code unit: the scans test every character of the corpus,
// and an array index is cheaper than a Set or Map lookup (or a one-character string, which
// text[i] allocates for a CJK character).

/** One byte per UTF-16 code unit, 1 for the given ones. */
export function codeMask(codes: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(0x10000);
  for (const c of codes) mask[c] = 1;
  return mask;
}

/** codeMask of the code units of `chars`. */
export function charMask(chars: string): Uint8Array {
  const codes: number[] = [];
  for (let i = 0; i < chars.length; i++) codes.push(chars.charCodeAt(i));
  return codeMask(codes);
}

/** codeMask of the code units that, as one-character strings, match `pattern`. */
export function patternMask(pattern: RegExp): Uint8Array {
  const codes: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (pattern.test(String.fromCharCode(c))) codes.push(c);
  return codeMask(codes);
}
