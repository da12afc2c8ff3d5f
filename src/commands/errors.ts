/** A problem with how the command was called or configured: one line, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Why a JSON file could not be read whole, in words: a graph.json too large for one string
 * (V8 holds at most 2^29 - 24 characters; fs.readFile at most 2 GiB) gets a hint instead of
 * the bare error code.
 */
export function unreadableReason(error: unknown, tooLargeHint: string): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG' || /Invalid string length|Cannot create a string longer/.test(message ?? '')) {
    return `too large to read whole; ${tooLargeHint}`;
  }
  return code ?? message ?? String(error);
}
