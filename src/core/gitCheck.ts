/** The seam between the language service and the repository: the service only knows this shape. */
import type { HandoffFacts } from './facts/types';
import type { CancellationToken } from './interfaces';
import type { HandoffModel } from './model';
import type { CoreSettings } from './settings';

export interface DocumentText {
  /** File-system path of the document. */
  path: string;
  /** The text analysed (an editor's buffer may differ from the file on disk). */
  text: string;
}

/** Gathers what the repository says about one handoff (src/core/facts/gather.ts behind a Node wiring). */
export interface FactSource {
  gather(model: HandoffModel, doc: DocumentText, settings: CoreSettings, token: CancellationToken): Promise<HandoffFacts>;
}
