/** A stream that keeps what is written to it (progress and status output in tests). */
export function sink(): NodeJS.WritableStream & { text: string } {
  const stream = {
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream as unknown as NodeJS.WritableStream & { text: string };
}
