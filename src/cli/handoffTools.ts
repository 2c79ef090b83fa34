/**
 * The handoff tools over a folder on disk, shared by `handoff-lint digest` and the MCP server (`handoff-lint
 * mcp`): digest, check, open steps and resolve, each answering in plain text. Read-only: files are only read, and
 * git only asked (the provider's read-only questions). Paths named by a caller are read only inside the root
 * (symbolic links followed first), so a tool call cannot read elsewhere.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { composeDigest } from '../core/digest/compose';
import { gatherDigestRepository } from '../core/digest/gather';
import { renderDigest, type DigestFormat } from '../core/digest/render';
import { checkText, entryLine, openStepsText, parseResolveTarget, resolveInHandoff, toolAnswer, type ResolveTarget } from '../core/digest/tools';
import type { RepoInfo } from '../core/git/provider';
import { NEVER_CANCELLED } from '../core/interfaces';
import { compareNewestFirst } from '../core/newest';
import { createLanguageService, type Analysis, type HandoffLanguageService } from '../core/service';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createNodeGitCheck, type NodeGitCheck } from '../node/cliGit';
import { readRegular } from '../node/safeRead';
import { deletionOf, fileNowLines, refNow, shaNow } from '../core/digest/resolveNow';
import { SiblingHandoffs } from '../node/siblings';
import { discover, InputError } from './discover';
import { markAnalysed } from './analysedMark';

/** A handoff larger than this is not read by a tool. */
const MAX_HANDOFF_BYTES = 16 * 1024 * 1024;

export class ToolError extends Error {}

export interface HandoffToolsOptions {
  /** The folder the tools answer about (a repository's top level, usually). */
  root: string;
  /** false: parse-only, no git process (`--no-git`). */
  git: boolean;
  /** The command line names its files itself: they may lie outside the root. Tool calls from a client may not. */
  anyPath?: boolean;
}

interface Analysed {
  abs: string;
  /** As shown: relative to the root, `/` separators. */
  shown: string;
  analysis: Analysis;
}

export class HandoffTools {
  readonly root: string;
  private readonly git: NodeGitCheck | undefined;
  private readonly service: HandoffLanguageService;
  private readonly anyPath: boolean;

  constructor(options: HandoffToolsOptions) {
    this.root = realpathSync(resolve(options.root));
    this.anyPath = options.anyPath ?? false;
    this.git = options.git ? createNodeGitCheck({ timeoutMs: DEFAULT_SETTINGS.gitTimeoutMs }) : undefined;
    this.service = createLanguageService({ settings: { ...DEFAULT_SETTINGS, git: options.git }, git: this.git?.check, files: this.git?.files });
  }

  /** The digest of the handoff at `path` (default: the newest under the root). */
  async digest(o: { path?: string | undefined; format?: DigestFormat; maxBytes?: number | undefined }): Promise<string> {
    const a = await this.analyse(o.path);
    const repo = await this.repoOf(a.abs);
    const gathered = this.git && repo ? await gatherDigestRepository(this.git.provider, repo, a.analysis.facts, NEVER_CANCELLED) : null;
    const digest = composeDigest({
      path: a.shown, model: a.analysis.model, facts: a.analysis.facts, supersededBy: a.analysis.supersededBy,
      working: gathered?.working ?? null, commitsSince: gathered?.commitsSince ?? null, touching: gathered?.touching ?? null,
      note: !this.git ? 'git was not asked (--no-git)' : !repo ? 'not a git repository' : gathered?.note ?? null,
    });
    return renderDigest(digest, o.format ?? 'markdown', o.maxBytes);
  }

  async check(o: { path?: string | undefined }): Promise<string> {
    const a = await this.analyse(o.path);
    return checkText(a.shown, a.analysis.diagnostics, a.analysis.notices, this.git ? null : 'git was not asked (--no-git)');
  }

  async openSteps(o: { path?: string | undefined }): Promise<string> {
    const a = await this.analyse(o.path);
    return openStepsText(a.shown, a.analysis.model, a.analysis.supersededBy, a.analysis.facts?.changedSince ?? null);
  }

  /** What a SHA, ref or breadcrumb points at now: the handoff's own judgement when it cites it, else the repository's. */
  async resolve(o: { target: string; path?: string | undefined }): Promise<string> {
    const target = parseResolveTarget(o.target);
    if (!target) throw new ToolError(`not a SHA, ref or file breadcrumb: ${JSON.stringify(o.target.slice(0, 80))}`);
    const a = await this.analyse(o.path);
    const lines: string[] = [];
    if (a.analysis.facts) {
      for (const e of resolveInHandoff(a.analysis.model, a.analysis.facts, target)) lines.push(`${a.shown}: ${entryLine(e)}`);
    }
    lines.push(...await this.resolveNow(target, a.abs));
    return toolAnswer(lines);
  }

  dispose(): void {
    this.git?.dispose();
  }

  private async repoOf(abs: string): Promise<RepoInfo | null> {
    if (!this.git) return null;
    const d = await this.git.provider.discover(dirname(abs), NEVER_CANCELLED);
    return d.ok ? d.value : null;
  }

  /** The repository's answer now, whether or not the handoff cites the target. */
  private async resolveNow(target: ResolveTarget, handoff: string): Promise<string[]> {
    if (target.kind === 'file') return this.fileNow(target, handoff);
    const repo = await this.repoOf(handoff);
    if (!this.git || !repo) return [`now: not checked (${this.git ? 'not a git repository' : 'git was not asked'})`];
    return target.kind === 'sha' ? shaNow(this.git.provider, repo, target.sha) : refNow(this.git.provider, repo, target.name);
  }

  private async fileNow(t: Extract<ResolveTarget, { kind: 'file' }>, handoff: string): Promise<string[]> {
    const inRoot = this.inside(t.path);
    if (!inRoot) return [`now: ${t.path} is outside ${this.root}: not read`];
    const read = readRegular(inRoot, MAX_HANDOFF_BYTES);
    const shown = relative(this.root, inRoot).split(sep).join('/');
    if (read.kind === 'text') return fileNowLines(shown, t.line, read);
    if (read.kind !== 'missing') return fileNowLines(shown, t.line, { kind: 'not-read', why: read.kind });
    const repo = await this.repoOf(handoff);
    if (!this.git || !repo) return fileNowLines(shown, t.line, { kind: 'missing' });
    const rel = relative(repo.root, inRoot).split(sep).join('/');
    return fileNowLines(shown, t.line, { kind: 'missing', deletion: await deletionOf(this.git.provider, repo, rel) });
  }

  /** `p` resolved under the root, or null when it leads outside (through `..`, an absolute path or a link). */
  private inside(p: string): string | null {
    const abs = resolve(this.root, p);
    let real = abs;
    try { real = realpathSync(abs); } catch { real = resolve(safeRealDir(dirname(abs)), abs.slice(dirname(abs).length + 1)); }
    const rel = relative(this.root, real);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : real;
  }

  private async analyse(path: string | undefined): Promise<Analysed> {
    const abs = path ? (this.anyPath ? resolve(path) : this.inside(path)) : this.newest();
    if (!abs) throw new ToolError(path ? `${path} is outside ${this.root}` : `no handoff found under ${this.root}`);
    const read = readRegular(abs, MAX_HANDOFF_BYTES);
    if (read.kind !== 'text') throw new ToolError(`cannot read ${path ?? abs}: ${read.kind}`);
    const supersededBy = new SiblingHandoffs(this.anyPath ? null : this.root).newerThan(abs, read.text);
    const analysis = await this.service.analyze({ path: abs, version: 0, text: read.text, supersededBy });
    markAnalysed();
    this.service.forget(abs);
    return { abs, shown: relative(this.root, abs).split(sep).join('/'), analysis };
  }

  /** The newest handoff under the root: by its stated date, then file time, then path (compareNewestFirst). */
  private newest(): string | null {
    let files: string[];
    try {
      files = discover([this.root]);
    } catch (e) {
      if (e instanceof InputError) throw new ToolError(e.message);
      throw e;
    }
    const dated = files.flatMap((path) => {
      try {
        const read = readRegular(path, MAX_HANDOFF_BYTES);
        if (read.kind !== 'text') return [];
        const { date } = this.service.getModel({ path, version: 0, text: read.text });
        this.service.forget(path);
        return [{ path, date, mtime: statSync(path).mtimeMs }];
      } catch {
        return [];
      }
    });
    return dated.sort(compareNewestFirst)[0]?.path ?? null;
  }
}

function safeRealDir(dir: string): string {
  try { return realpathSync(dir); } catch { return dir; }
}
