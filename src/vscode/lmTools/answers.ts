/**
 * The language-model tools' answers from what the store already analysed (no parse, no git of its own beyond the
 * provider's read-only questions): the same texts the MCP server gives (core/digest). Inputs are validated here,
 * at the edge, with zod. No `vscode` import: unit-tested in Node.
 * In an untrusted workspace there is no provider: every answer is parse-only and says so.
 */
import { z } from 'zod';
import { composeDigest } from '../../core/digest/compose';
import { gatherDigestRepository } from '../../core/digest/gather';
import { MAX_MAX_BYTES, MIN_MAX_BYTES, renderDigest } from '../../core/digest/render';
import { deletionOf, fileNowLines, refNow, shaNow, type FileNow } from '../../core/digest/resolveNow';
import type { ToolName } from '../../core/digest/toolSpecs';
import { checkText, entryLine, openStepsText, parseResolveTarget, resolveInHandoff, toolAnswer, type ResolveTarget } from '../../core/digest/tools';
import { dirname, relativeTo } from '../../core/git/paths';
import type { GitProvider } from '../../core/git/provider';
import type { CancellationToken } from '../../core/interfaces';
import type { Analysis } from '../../core/service';

export interface ToolHandoff {
  /** As shown to the model: relative to its workspace folder, `/` separators. */
  shown: string;
  /** Absolute file-system path, `/` separators. */
  fsPath: string;
  analysis: Analysis;
}

export interface ToolContext {
  /** The analysed handoffs, newest first. */
  handoffs: readonly ToolHandoff[];
  /** undefined: git may not run (untrusted, virtual, or switched off); `parseOnly` says why. */
  git: GitProvider | undefined;
  parseOnly: string | null;
  /** Reads a file a resolve question names (readTarget.ts); absent: no file is read. */
  readTarget?: (handoffFsPath: string, path: string, token: CancellationToken) => Promise<TargetRead>;
}

/**
 * A file a resolve question names, as the editor's file system has it: outside the handoff's workspace folder
 * (not read), or `shown` (workspace-relative) with what it is now; `fsPath` (absolute, `/` separators) for a
 * local file, so git can tell what became of a missing one.
 */
export type TargetRead = { kind: 'outside' } | { kind: 'read'; shown: string; fsPath: string | null; now: FileNow };

const path = z.string().max(4096).optional();
export const TOOL_INPUTS = {
  handoff_digest: z.object({ path, maxBytes: z.number().int().min(MIN_MAX_BYTES).max(MAX_MAX_BYTES).optional(), format: z.enum(['markdown', 'json']).optional() }),
  handoff_check: z.object({ path }),
  handoff_open_steps: z.object({ path }),
  handoff_resolve: z.object({ target: z.string().min(1).max(1024), path }),
} satisfies Record<ToolName, z.ZodType>;

/** The handoff a tool call names (by its shown path, or a path ending in it), or the newest. */
export function pickHandoff(ctx: ToolContext, wanted: string | undefined): ToolHandoff | string {
  if (ctx.handoffs.length === 0) return 'No handoff found in this workspace.';
  if (!wanted) return ctx.handoffs[0]!;
  const w = wanted.replace(/\\/g, '/').replace(/^\.\//, '');
  const found = ctx.handoffs.find((h) => h.shown === w || h.fsPath === w) ?? ctx.handoffs.find((h) => h.fsPath.endsWith('/' + w));
  return found ?? `No handoff at ${wanted}. Handoffs: ${ctx.handoffs.slice(0, 20).map((h) => h.shown).join(', ')}`;
}

/** The answer to one tool call, as text (an input problem is answered too, so the model reads why). */
export async function answerTool(name: ToolName, input: unknown, ctx: ToolContext, token: CancellationToken): Promise<string> {
  const parsed = TOOL_INPUTS[name].safeParse(input ?? {});
  if (!parsed.success) return `Invalid input for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`;
  const args = parsed.data as { path?: string; maxBytes?: number; format?: 'markdown' | 'json'; target?: string };
  const h = pickHandoff(ctx, args.path);
  if (typeof h === 'string') return h;
  const a = h.analysis;
  const parseOnlyNote = ctx.parseOnly ? `Parse-only: ${ctx.parseOnly}; nothing was checked against git.\n` : '';
  switch (name) {
    case 'handoff_check':
      return checkText(h.shown, a.diagnostics, a.notices, ctx.parseOnly);
    case 'handoff_open_steps':
      return parseOnlyNote + openStepsText(h.shown, a.model, a.supersededBy, a.facts?.changedSince ?? null);
    case 'handoff_digest': {
      const repo = ctx.git ? await ctx.git.discover(dirname(h.fsPath), token) : null;
      const gathered = ctx.git && repo?.ok ? await gatherDigestRepository(ctx.git, repo.value, a.facts, token) : null;
      const note = ctx.parseOnly ?? (!repo?.ok ? 'not a git repository' : gathered?.note ?? null);
      const digest = composeDigest({
        path: h.shown, model: a.model, facts: a.facts, supersededBy: a.supersededBy,
        working: gathered?.working ?? null, commitsSince: gathered?.commitsSince ?? null, touching: gathered?.touching ?? null, note,
      });
      return renderDigest(digest, args.format ?? 'markdown', args.maxBytes);
    }
    case 'handoff_resolve': {
      const target = parseResolveTarget(args.target ?? '');
      if (!target) return `Not a SHA, ref or file breadcrumb: ${JSON.stringify((args.target ?? '').slice(0, 80))}`;
      const lines = a.facts ? resolveInHandoff(a.model, a.facts, target).map((e) => `${h.shown}: ${entryLine(e)}`) : [];
      if (target.kind === 'file') {
        lines.push(...await fileNow(ctx, h, target, token));
        if (!ctx.git) lines.push(`now: its history not checked (parse-only: ${ctx.parseOnly ?? 'git is off'})`);
      } else if (!ctx.git) lines.push(`now: not checked (parse-only: ${ctx.parseOnly ?? 'git is off'})`);
      else {
        const repo = await ctx.git.discover(dirname(h.fsPath), token);
        if (repo.ok) lines.push(...await (target.kind === 'sha' ? shaNow(ctx.git, repo.value, target.sha, token) : refNow(ctx.git, repo.value, target.name, token)));
        else lines.push(`now: not checked (${repo.problem.message})`);
      }
      if (lines.length === 0) lines.push(`${h.shown} does not cite ${args.target}`);
      return toolAnswer(lines);
    }
  }
}

/** What the file is now, as the MCP server says it (fileNowLines): read through the editor, git asked when it is missing. */
async function fileNow(ctx: ToolContext, h: ToolHandoff, t: Extract<ResolveTarget, { kind: 'file' }>, token: CancellationToken): Promise<string[]> {
  if (!ctx.readTarget) return [`now: ${t.path} not read`];
  const r = await ctx.readTarget(h.fsPath, t.path, token);
  if (r.kind === 'outside') return [`now: ${t.path} is outside the workspace folder: not read`];
  if (r.now.kind !== 'missing' || !ctx.git || r.fsPath === null) return fileNowLines(r.shown, t.line, r.now);
  const repo = await ctx.git.discover(dirname(h.fsPath), token);
  const rel = repo.ok ? relativeTo(repo.value.root, r.fsPath) : null;
  return fileNowLines(r.shown, t.line, { kind: 'missing', deletion: repo.ok && rel ? await deletionOf(ctx.git, repo.value, rel, token) : undefined });
}
