/**
 * The CLI reads its handoffs in batches: a batch is read (and parsed) before any of it is analysed, so the git
 * questions of all its documents can be asked at once (NodeGitCheck.prefetch) — a run over a thousand handoffs of
 * a repository starts as many git processes as a run over one. Bounded in documents and bytes, so memory stays
 * flat over any number of files.
 */
import { readRegular } from '../node/safeRead';

/** Documents per batch, at most: a run over up to this many handoffs asks git as one. */
export const BATCH_DOCUMENTS = 2_000;
/** Text per batch, at most (a batch always holds at least one document). */
export const BATCH_BYTES = 64 * 1024 * 1024;

export interface ReadDocument {
  path: string;
  read: ReturnType<typeof readRegular>;
}

export function* documentBatches(files: readonly string[], maxDocumentBytes: number): Generator<ReadDocument[]> {
  let batch: ReadDocument[] = [];
  let bytes = 0;
  for (const path of files) {
    const read = readRegular(path, maxDocumentBytes);
    const size = read.kind === 'text' ? read.text.length : 0;
    if (batch.length && (batch.length >= BATCH_DOCUMENTS || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push({ path, read });
    bytes += size;
  }
  if (batch.length) yield batch;
}
