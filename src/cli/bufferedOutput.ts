/**
 * Standard output for a lint run: text is encoded into one reused buffer and written a chunk at a time (the text
 * report's lines, written one by one, would cost a system call each; a text longer than the buffer, a document's
 * JSON, goes on alone). `flush` is called after each document (and at the end), so what a reader sees keeps pace
 * with the run.
 */
export class BufferedOutput {
  private readonly buffer: Buffer;
  private used = 0;

  /** Chunks stay under the size an allocator serves from memory it reuses (each written chunk is a copy). */
  constructor(private readonly stream: NodeJS.WritableStream, size = 64 * 1024) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) {
      this.stream.write(text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    // A copy: a stream keeps what it is given until the reader takes it, and this buffer is written again at once.
    this.stream.write(Buffer.from(this.buffer.subarray(0, this.used)));
    this.used = 0;
  }
}
