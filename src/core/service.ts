/**
 * The language service: one entry point shared by the CLI and the VS Code adapter.
 * `createLanguageService({ files, git, logger, settings })` → model and diagnostics per document.
 * One lazy parse per document version, shared by every feature; sections unchanged by an edit are reused
 * from the section cache. Async APIs take the cancellation token last. Nothing here throws.
 */
import type { CancellationToken, Logger, WorkspaceFiles } from './interfaces';
import { NEVER_CANCELLED, SILENT_LOGGER } from './interfaces';
import type { Diagnostic, HandoffModel } from './model';
import { MAX_BLOCKS, parseDocument, SectionCache } from './parse/parseDocument';
import { buildModel } from './buildModel';
import { thousands } from './thousands';
import { DEFAULT_SETTINGS, type CoreSettings } from './settings';
import { runRules } from './rules';
import { isPlanFile } from './extract/nextHeadings';
import { readSuppressions, type Suppressions } from './suppressions';
import type { FactSource } from './gitCheck';
import { emptyFacts, type CommitState, type FileFact, type HandoffFacts } from './facts/types';

export interface HandoffDocumentInput {
  /** File-system path (or '' for an unsaved buffer). Keys the cache, names the repository, gives the date. */
  path: string;
  /** Increases with every edit (VS Code's `TextDocument.version`); the CLI passes 0. */
  version: number;
  text: string;
  /**
   * A newer handoff in the same folder (core/supersede.ts decides, from the siblings the host knows): this one's open
   * steps are then not reported. Null or absent: current.
   */
  supersededBy?: string | null;
}

export interface Analysis {
  model: HandoffModel;
  diagnostics: Diagnostic[];
  /** One-line messages: what was skipped and why (git unavailable, shallow clone, parser fallback…). */
  notices: string[];
  /** What the repository says (anchor, commits, refs, files, freshness); null when git did not run (parse-only). */
  facts: HandoffFacts | null;
  /** What supersedes this handoff — a newer one in its folder, or a newer committed version of its file — or null. */
  supersededBy: string | null;
  /** Per-commit git state, by SHA as written (lower-cased); empty when git did not run. */
  commitStates: ReadonlyMap<string, CommitState>;
  /**
   * Aligned with `model.files`: the absolute paths each breadcrumb resolves to (one; several for an ambiguous
   * bare name; none when missing), or null when the core did not resolve it (external, or no workspace facts).
   */
  fileTargets: ReadonlyArray<readonly string[] | null>;
}

/**
 * A handoff the repository has left behind: a newer version of its own file is committed, or the branch went far on
 * since (STALE_COMMITS commits over at least STALE_DAYS days): its next steps were done, or dropped, since. Judged on
 * real repositories (the held-out field study, at HEAD): every open step of a handoff 150 or more commits behind was
 * noise, whether those commits took three months or three days (an agent's repository can make a thousand commits
 * in a week); from 100 commits on, right steps were among them (a month-long handover of 114 commits, 71 steps
 * judged right). The days only keep a burst of commits within a day or two (a swarm executing a plan) from
 * retiring the handoff that planned it.
 */
const STALE_COMMITS = 150;
const STALE_DAYS = 2;

/**
 * A plan-mode plan (Claude Code's `.claude/plans/*.md`, Cursor's `.cursor/plans/*.md`) is carried out by the session
 * that wrote it, right after it is approved, and its boxes are never ticked: once the repository has gone this many
 * commits past it, it has been carried out or dropped. Judged on real repositories (the held-out field study, at
 * HEAD): 218 of 222 open steps of one repository's plans 25 to 29 commits behind were done or dropped since; in six
 * repositories fetched after this rule was made, 8 right of a sample of 76 it hid.
 */
const PLAN_STALE_COMMITS = 10;

/**
 * A newer handoff beside this one (facts/newerSibling.ts) takes over once it was written this many commits later, or
 * SIBLING_MIN_COMMITS commits and SIBLING_MIN_DAYS days later. Judged on real repositories (the held-out field study,
 * at HEAD, open steps of handoffs with a newer one in their folder): 78 of 79 noise from 20 commits on; from 10 to 19
 * commits, 54 of 58 noise when three days or more lay between them, but 11 of 18 when fewer (a day's handoffs on
 * separate topics, each still open); from 5 to 9 commits, right steps of a series' index handoff among the noise.
 */
const SIBLING_STALE_COMMITS = 20;
const SIBLING_MIN_COMMITS = 10;
const SIBLING_MIN_DAYS = 3;

function supersededByRepository(facts: HandoffFacts | null, path: string): string | null {
  if (facts?.anchor?.newer) return `a newer version of this file (${facts.anchor.newer.sha.slice(0, 7)})`;
  const s = facts?.newerSibling;
  if (s && (s.commits >= SIBLING_STALE_COMMITS || (s.commits >= SIBLING_MIN_COMMITS && s.days >= SIBLING_MIN_DAYS))) return s.path;
  const f = facts?.freshness;
  if (f?.sinceAnchor != null && f.days != null && f.sinceAnchor >= STALE_COMMITS && f.days >= STALE_DAYS) {
    return `the repository: ${f.sinceAnchor} commits and ${f.days} days since this handoff`;
  }
  // A plan edited since its last commit is the plan in hand, however old that commit.
  if (f?.sinceAnchor != null && f.sinceAnchor >= PLAN_STALE_COMMITS && facts?.anchor?.how !== 'last-change' && isPlanFile(path)) {
    return `the repository: ${f.sinceAnchor} commits since this plan (a plan-mode plan is carried out by the session that wrote it)`;
  }
  return null;
}

/** Where a breadcrumb points, for links and the tree: its files, none when gone or absent, null when not looked up. */
function targetsOf(f: FileFact | undefined): readonly string[] | null {
  if (!f) return null;
  if (f.kind === 'found') return f.paths;
  return f.kind === 'gone' || f.kind === 'absent' ? [] : null;
}

export interface LanguageServiceOptions {
  files?: WorkspaceFiles;
  /** What the repository says of a handoff (absent: parse-only, as in untrusted workspaces). */
  git?: FactSource;
  logger?: Logger;
  settings?: CoreSettings;
  /**
   * What is kept between calls (defaults: an editor's — DEFAULT_RETAIN). A batch run that reads each file once keeps
   * a whole batch's models (it asks git for the batch, then analyses each) and no sections (nothing is edited).
   */
  retain?: { documents: number; sections: number };
}

/** An editor has a handful of handoffs open and edits them: sections unchanged by an edit are parsed once. */
export const DEFAULT_RETAIN = { documents: 200, sections: 4_000 } as const;

export interface HandoffLanguageService {
  /** The model of this version of the document (parsed once per version). */
  getModel(doc: HandoffDocumentInput): HandoffModel;
  /** Model plus diagnostics from every enabled rule, git ones included when git is available. */
  analyze(doc: HandoffDocumentInput, token?: CancellationToken): Promise<Analysis>;
  updateSettings(settings: CoreSettings): void;
  /** Forgets a closed document. */
  forget(path: string): void;
}

interface Entry {
  version: number;
  text: string;
  model: HandoffModel;
  problems: string[];
  suppressions: Suppressions;
}

export function createLanguageService(options: LanguageServiceOptions = {}): HandoffLanguageService {
  const logger = options.logger ?? SILENT_LOGGER;
  let settings = options.settings ?? DEFAULT_SETTINGS;
  // Documents whose model is kept, least recently used first out: a run over thousands of files keeps a batch.
  const retain = options.retain ?? DEFAULT_RETAIN;
  const sections = retain.sections > 0 ? new SectionCache(retain.sections) : undefined;
  const entries = new Map<string, Entry>();

  function entryFor(doc: HandoffDocumentInput): Entry {
    const cached = entries.get(doc.path);
    if (cached && cached.version === doc.version && cached.text === doc.text) {
      entries.delete(doc.path); // Map order is recency order: re-insert a hit at the end
      entries.set(doc.path, cached);
      return cached;
    }
    const parsed = parseDocument(doc.text, sections);
    const { model, problems } = buildModel(parsed, { path: doc.path });
    if (parsed.degraded) problems.push('part of this document was read by the plain line reader (very large or deeply nested input)');
    if (parsed.fullLength !== undefined) {
      problems.push(`this document is too large to read whole: it was read up to line ${thousands(parsed.lineStarts.length - 1)} (${thousands(MAX_BLOCKS)} blocks), the rest is left out`);
    }
    const suppressions = readSuppressions(parsed);
    problems.push(...suppressions.problems);
    for (const p of problems) logger.warn(`${doc.path || '(untitled)'}: ${p}`);
    const entry = { version: doc.version, text: doc.text, model, problems, suppressions };
    entries.delete(doc.path);
    entries.set(doc.path, entry);
    if (entries.size > Math.max(1, retain.documents)) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  return {
    getModel: (doc) => entryFor(doc).model,

    async analyze(doc, token = NEVER_CANCELLED) {
      const { model, problems, suppressions } = entryFor(doc);
      const notices = [...problems];
      // text → model → facts → rules → diagnostics: the rules never ask git; the facts are gathered once.
      let facts: HandoffFacts | null = null;
      if (options.git && settings.git && !token.isCancellationRequested) {
        try {
          facts = await options.git.gather(model, { path: doc.path, text: doc.text }, settings, token);
        } catch (error) {
          const message = `git checks skipped: ${error instanceof Error ? error.message : String(error)}`;
          logger.error(message);
          facts = emptyFacts(model, [message]);
        }
        notices.push(...facts.notices);
      }
      const supersededBy = doc.supersededBy ?? supersededByRepository(facts, doc.path);
      const diagnostics = runRules(model, facts, settings, { superseded: supersededBy !== null, suppressions });
      return { model, diagnostics, notices, facts, supersededBy, commitStates: facts?.commits ?? new Map(), fileTargets: model.files.map((_, i) => targetsOf(facts?.files[i])) };
    },

    updateSettings(next) {
      settings = next;
    },

    forget(path) {
      entries.delete(path);
    },
  };
}
