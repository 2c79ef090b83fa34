/** The document's text addressed by the model's 0-based ranges (UTF-16, BOM removed), for fix computations. */
import type { Position, Range } from '../model';
import { computeLineStarts, lineEnd, positionAt, stripBom } from '../parse/lines';

export class FixText {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = stripBom(text);
    this.starts = computeLineStarts(this.text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a position, or -1 when it lies outside the text (the model belongs to another version). */
  offsetAt(p: Position): number {
    if (p.line < 0 || p.line >= this.starts.length || p.character < 0) return -1;
    const offset = this.starts[p.line]! + p.character;
    return offset <= lineEnd(this.text, this.starts, p.line) ? offset : -1;
  }

  positionAt(offset: number): Position {
    return positionAt(this.starts, offset);
  }

  /** The text of a range, or null when the range does not fit the text. */
  slice(r: Range): string | null {
    const a = this.offsetAt(r.start);
    const b = this.offsetAt(r.end);
    return a < 0 || b < a ? null : this.text.slice(a, b);
  }

  /** The whole line (without its break). */
  line(n: number): string {
    if (n < 0 || n >= this.starts.length) return '';
    return this.text.slice(this.starts[n], lineEnd(this.text, this.starts, n));
  }

  /** A range on one line from two characters. */
  static on(line: number, start: number, end: number): Range {
    return { start: { line, character: start }, end: { line, character: end } };
  }
}
