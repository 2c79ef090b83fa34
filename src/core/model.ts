/**
 * The handoff model: plain data, no behaviour. Everything the language service finds in a handoff document,
 * each item with its exact range. Ranges are 0-based `{line, character}` in UTF-16 code units (as VS Code
 * counts) on the analysed text with any leading BOM removed.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Structural units a handoff is organised in; `section` is any other heading. `plan` is a plan of a phase
 * (GSD's `Plan: 3 of 5`, `03-02-PLAN.md`), `priority` a ranked group of work (`Priority 2`), `ticket` an issue
 * (`Ticket #42`).
 */
export const PHASE_KINDS = [
  'phase', 'wave', 'task', 'session', 'step', 'milestone', 'pass', 'sprint', 'campaign', 'iteration', 'stage',
  'plan', 'priority', 'epic', 'story', 'ticket', 'section',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/**
 * Where a unit stands, as its own line says (a word or a marker): `done` (✅, done, complete, shipped, merged),
 * `in-progress` (🚧, 🔄, in progress, WIP, current, partial), `blocked` (⛔, blocked, on hold), `failed` (❌,
 * failed), `superseded` (superseded, obsolete, cancelled, dropped, struck through), `deferred` (deferred,
 * postponed), `next` (next, up next, resume here), `planned` (📋, planned, pending, not started, todo).
 */
export const PHASE_STATUSES = ['done', 'in-progress', 'blocked', 'failed', 'superseded', 'deferred', 'next', 'planned'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export interface Phase {
  kind: PhaseKind;
  /**
   * `Phase 5`, `Wave D.2`, `Task 80`, `Phase 1B`, `Session 2026-05-09`, `Milestone v1.1`; for a `section`, the
   * heading text. Never raw Markdown markup: `**`, `__`, `~~` and backticks are dropped, a link is its text.
   */
  label: string;
  /** The heading text after the label (`Easy-playbook endpoints (commit af65598)`), or the whole text for sections; as written. */
  title: string;
  /**
   * What a reader scans: the title without markup, emoji, status words and markers, dates and commit remarks
   * (`Export job skeleton` for `**Export job skeleton** ✅ DONE (2026-03-02, commit 3e5b7c2)`), cut at a
   * separator near 80 characters. For a unit, the part after its label (may be empty: `## Phase 5`); for a
   * section, the whole heading (numbering kept).
   */
  name: string;
  /** The first ISO date (`YYYY-MM-DD`) written in the heading, or null. */
  date: string | null;
  /** The status its heading (or checkbox, or GSD `Status:` line) gives it, or null when it says none. */
  status: PhaseStatus | null;
  /**
   * Heading level 1–6; inferred headings of text renderings get a level from their shape. A unit found outside
   * a heading (a bold line, a list item, a `<summary>`) sits below the heading it is under, so its level may
   * exceed 6.
   */
  level: number;
  /** The heading's text on its line (without `#` markers or surrounding `**`); for a list item, its first line. */
  range: Range;
  /**
   * From the heading to the end of its section (before the next heading or unit of the same or a higher level);
   * for a list item, the item with its sub-items; for a GSD position or an XML-ish section, its lines.
   */
  sectionRange: Range;
  /**
   * True when the unit was not a Markdown heading: inferred from a plain-text rendering or a standalone bold
   * line, or read from a bold line or list item that names a unit (`- **Phase 2**: rolled back`,
   * `**Wave 2** *(blocked)*`, `- [x] Phase 1: Foundation`), a GSD "Current Position" line (`Phase: 12 of 14`),
   * a `<details>` summary naming a milestone, or an XML-ish section tag (`<remaining_work>`). An inferred unit
   * always has a title: one with no text of its own is titled after what it groups.
   */
  inferred: boolean;
  children: Phase[];
}

/** Why a hex token is taken as a commit. Later rules stay quiet where the evidence is weak (`bare`). */
export type CommitEvidence =
  | 'column' // in a table column named Commit/SHA/Hash/Tip/HEAD
  | 'keyword' // the word commit/HEAD/tip/merged/pushed/cherry-pick… nearby
  | 'range' // an end of `a..b` / `a^..b` / `a...b`
  | 'log-line' // a git-log-like line (`af65598 feat(api): …`, `` `sha` - message ``)
  | 'ref-claim' // the SHA claimed for a branch or tag
  | 'front-matter' // `git_commit:` / `commit:` in front matter
  | 'bare'; // hex in backticks or prose with no other context

/** What the document says of a commit's push state: "NOT YET PUSHED", "local-only", "awaiting push"; "pushed to origin". */
export type PushClaim = 'pushed' | 'unpushed';

export interface CommitMention {
  /** As written (case kept). */
  sha: string;
  range: Range;
  /** Label of the innermost phase containing it, or null. */
  phase: string | null;
  evidence: CommitEvidence;
  /** The push state the document claims for this commit, or null when it claims none. */
  pushClaim: PushClaim | null;
  /**
   * Another repository the text says the commit belongs to, as written (`mimik-contracts \`9e2df2f\``,
   * `owner/repo@1a2b3c4`; extract/commitElsewhere.ts), or null. Not in this repository, it is not reported unknown.
   */
  elsewhere: string | null;
  /**
   * The commit's subject as the text writes it beside the SHA (`f7385cb docs: add the audit`, `` `f7385cb` — docs: add
   * the audit ``, a table row's next cell; extract/commitSubject.ts), or null. Where a SHA is gone from the repository
   * (history rewritten, rebased), the one commit on a branch with this subject is where it went (facts/commits.ts).
   */
  subject: string | null;
}

export type RefKind = 'branch' | 'tag' | 'remote';

export type RefClaimValue = { sha: string } | { pushed: boolean };

export interface RefMention {
  name: string;
  kind: RefKind;
  claim: RefClaimValue;
  /** Range of the ref's name. */
  range: Range;
  /** Range of the claimed SHA, when the claim is a SHA. */
  shaRange?: Range;
  phase: string | null;
}

/**
 * What the document itself says of a file it names, which decides whether a missing file is a problem:
 * `planned` ("will create", "(new)", "to add"), `removed` ("removed", "[removed]", "(deleted)", "drop"), `renamed`
 * ("renamed to", "→ new path"), `struck` (inside ~~struck-through~~ text), `elsewhere` (another repository or
 * branch, a pending PR, the agent's memory).
 */
export type FileQualifier = 'planned' | 'removed' | 'renamed' | 'struck' | 'elsewhere';

export interface FileBreadcrumb {
  /** The path as written, without line/column/symbol suffixes or a `#L` anchor. */
  path: string;
  line: number | null;
  endLine: number | null;
  column: number | null;
  /** `test_name` of `tests/x.py::test_name`, `upload_file` of `app/api/files.py:upload_file`. */
  symbol: string | null;
  /** URLs, absolute and `~/` paths: kept, but not workspace breadcrumbs. */
  external: boolean;
  /** Range of the whole breadcrumb as written (path plus suffix). */
  range: Range;
  phase: string | null;
  /** Where it was written: inside backticks, a Markdown link target, a table cell, or prose. */
  source: 'code' | 'link' | 'table' | 'text';
  /** What the document says of this file (planned, removed…), or null. */
  qualifier: FileQualifier | null;
  /**
   * For a bare name (`config.py`): a folder the context names for it — the folder in the same sentence or list
   * item, the enclosing tree diagram's folder — used to pick among several matches; null when none.
   */
  folderHint: string | null;
}

export const STEP_STATES = ['open', 'done', 'blocked', 'superseded', 'in-progress'] as const;
export type StepState = (typeof STEP_STATES)[number];

/**
 * What the list a step sits in is for, when it is not work to do: acceptance criteria ("Acceptance criteria",
 * "Definition of done", "Done when"), expected test results, a roadmap or backlog ("Roadmap", "Later",
 * "Nice to have"), standing rules ("Ground rules"). Decided by the heading or label the list sits under.
 */
/**
 * Lists that are not work to do: acceptance criteria, expected test results, a roadmap or backlog, standing rules
 * (and guidance items of a next-steps list: "keep … in mind", "do not …"), a routine every session repeats
 * ("Before ending the session: commit, push…"), and context to read or hand on ("Critical context for the
 * implementer", "Gotchas", "Lessons").
 */
export const STEP_LIST_ROLES = ['acceptance', 'expected-test', 'roadmap', 'rules', 'routine', 'context'] as const;
export type StepListRole = (typeof STEP_LIST_ROLES)[number];

export const STEP_KINDS = ['checkbox', 'numbered', 'bullet', 'row', 'paragraph', 'todo'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
  text: string;
  state: StepState;
  /**
   * Range of the step as written: from its checkbox, number or bullet (a paragraph: its label; a row: its first
   * cell; a todo: its `content:` value) to the end of its text.
   */
  range: Range;
  phase: string | null;
  /**
   * `checkbox` for `- [ ]` items; under a heading or label that names what to do next (in English, German,
   * French, Spanish, Portuguese, Italian or Dutch), `numbered` and `bullet` for its list items, `row` for its
   * table rows and `paragraph` for a paragraph (`**Next step:** …`, or the text of a next-step section with no
   * list); `todo` for an entry of a plan's front-matter `todos:` (Cursor plans).
   */
  kind: StepKind;
  /** The checkbox marker as written, e.g. `[ ]`, `[x]`, `[!]`; null for the other kinds. */
  marker: string | null;
  /** The role of the list it sits in when that list is not work to do; null for an ordinary to-do list. */
  listRole: StepListRole | null;
  /**
   * A checkbox left open over nested checkboxes that are all ticked (`- [ ] 4. Models` over `- [x] 4.1 …`, as Kiro
   * and Spec Kit task lists leave a parent task): done in substance, so not work to do. Absent otherwise.
   */
  doneBySubSteps?: true;
}

export interface DocumentFacts {
  title: string | null;
  /** YYYY-MM-DD from the file name, front matter or "Last updated: …". */
  date: string | null;
  frontMatter: Record<string, string>;
}

export interface HandoffModel extends DocumentFacts {
  phases: Phase[];
  commits: CommitMention[];
  refs: RefMention[];
  files: FileBreadcrumb[];
  steps: Step[];
  /**
   * The parts of the document that record the past rather than the current state: dated entries older than the
   * newest one of a log, "Archive"/"Completed"/"Previous session" sections, tickets whose status says they are
   * done, a document bannered as superseded or filed in an archive folder (see `extract/history.ts`). Claims
   * there are history (never stale: ask `isHistoric`); open steps there are not reported. Sorted, not overlapping.
   */
  history: Range[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const RULE_CODES = [
  'unchecked-step', 'unknown-commit', 'ambiguous-commit', 'unpushed-commit', 'stale-ref', 'missing-file',
  'line-out-of-range', 'handoff-behind',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RelatedInformation {
  message: string;
  /** A workspace-relative or absolute path, when the information points at another file. */
  path?: string;
  range?: Range;
}

export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInformation[];
}
