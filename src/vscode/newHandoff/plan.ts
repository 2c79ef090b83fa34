/**
 * The pure side of the New Handoff command (no `vscode` import, unit-tested): its arguments, today's date, where the
 * file goes, and which handoff is the previous one.
 */
import { z } from 'zod';
import { handoffFileName, isoDate } from '../../core/newHandoff/slug';

/**
 * Arguments of `handoffNavigator.newHandoff` (all optional; the Command Palette passes none):
 * `slug` skips the input box; `folder` is the workspace folder's URI (default: the active editor's, else the first);
 * `plain` writes without asking git (what an untrusted workspace offers).
 */
export interface NewHandoffArgs {
  slug?: string;
  folder?: string;
  plain?: boolean;
}

const argsSchema = z.object({ slug: z.string().max(200).optional(), folder: z.string().max(2000).optional(), plain: z.boolean().optional() });

/** The arguments when they have the documented shape, else none (a tree item or an Explorer URI passes other things). */
export function parseNewHandoffArgs(arg: unknown): NewHandoffArgs {
  const r = argsSchema.safeParse(arg);
  return r.success ? r.data : {};
}

/** The local calendar date: a handoff written at 11 pm belongs to that evening, not to tomorrow in UTC. */
export function localDate(now: Date): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** `docs/handoffs/2026-05-19-parser-work.md`: the folder setting (relative to the workspace folder) and the name. */
export function targetPath(folder: string, date: string, slug: string): string {
  const clean = folder.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.').join('/');
  return clean ? `${clean}/${handoffFileName(date, slug)}` : handoffFileName(date, slug);
}
