/**
 * Quick fixes as plain data: which text to replace with what, and why. Computed from the document's text, its
 * model and what the repository says (facts), never applied here: the editor turns each into an undoable
 * WorkspaceEdit the user triggers (src/vscode/providers/codeActions.ts); a CLI `--fix` could apply the same.
 */
import type { HandoffFacts } from '../facts/types';
import type { HandoffModel, Range, RuleCode } from '../model';

export interface TextEdit {
  range: Range;
  newText: string;
}

export type FixKind =
  /** A renamed file's breadcrumb rewritten to where the file lives now. */
  | 'rename'
  /** An abbreviation lengthened to name its one commit unambiguously. */
  | 'expand-sha'
  /** One candidate of an ambiguous abbreviation chosen. */
  | 'choose-sha'
  /** A vanished commit replaced by the one it became (squash merge, amend). */
  | 'replace-sha'
  /** A contradicted ref claim set to the ref's tip (at the handoff's moment, or now). */
  | 'ref-tip'
  /** A step marked done or open again. */
  | 'step';

export interface Fix {
  kind: FixKind;
  title: string;
  /** The rule whose diagnostic this fix answers (the editor attaches it), or null for a plain edit (ticking a step). */
  code: RuleCode | null;
  /**
   * Where the fix is offered: the item's range (a diagnostic's range, a tree node's range). A ref claim's fix is
   * offered at the ref's name and at its SHA.
   */
  at: Range[];
  edits: TextEdit[];
  /** Safe to apply unasked ("Fix all safe problems"): one right answer, the target exists. */
  safe: boolean;
  /** The fix to pick first when several are offered for one item. */
  preferred: boolean;
}

export interface FixInput {
  /** The analysed text (a leading BOM is ignored, as the model's ranges do). */
  text: string;
  /** Absolute path of the document, `/` separators (links are relative to its folder); '' when unsaved. */
  documentPath: string;
  model: HandoffModel;
  /** What the repository says; null without git (only step fixes then). */
  facts: HandoffFacts | null;
}
