/**
 * What extractors return: model items with absolute offsets instead of ranges and without their phase.
 * `buildModel` turns offsets into ranges and assigns each item the innermost phase containing it, so no
 * extractor needs to know about line positions or the phase tree.
 */
import type { CommitMention, FileBreadcrumb, RefMention, Step } from '../model';
import type { ParsedText } from '../parse/blocks';

export interface Located {
  start: number;
  end: number;
}

/** Fields an extractor may leave out; the model builder gives them their "nothing said" value (null). */
export type FoundCommit = Omit<CommitMention, 'range' | 'phase' | 'pushClaim' | 'elsewhere' | 'subject'>
  & Partial<Pick<CommitMention, 'pushClaim' | 'elsewhere' | 'subject'>> & Located;
export type FoundFile = Omit<FileBreadcrumb, 'range' | 'phase' | 'qualifier' | 'folderHint'>
  & Partial<Pick<FileBreadcrumb, 'qualifier' | 'folderHint'>> & Located;
export type FoundRef = Omit<RefMention, 'range' | 'shaRange' | 'phase'> & Located & { sha?: Located };
export type FoundStep = Omit<Step, 'range' | 'phase' | 'listRole'> & Partial<Pick<Step, 'listRole'>> & Located;

/** Every extractor has this shape: pure, never throws on any parsed text. */
export type Extractor<T> = (parsed: ParsedText, context: ExtractContext) => T[];

export interface ExtractContext {
  /** The document's path as given (may be empty for an unsaved buffer); some facts come from the file name. */
  path: string;
}
