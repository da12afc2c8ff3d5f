/** A problem with how the command was called or configured: one line, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
