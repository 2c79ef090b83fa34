/**
 * The extension's settings (`handoffNavigator.*`), validated with zod at the edge. Field by field: one bad
 * value falls back to its own default and is reported, the good ones are kept. Pure (no `vscode` import) so
 * the validation is unit-tested; the adapter passes `workspace.getConfiguration('handoffNavigator')`.
 */
import { z } from 'zod';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/handoffGlobs';
import { parseCoreSettings, type CoreSettings } from '../core/settings';
import { BREADCRUMB_LENS_MODES, type BreadcrumbLensMode } from './providers/lensDensity';

export interface CodeLensSettings {
  /** Which breadcrumbs get a lens: only those with news (moved, drifted, ambiguous, gone, past the end), all, or none. */
  breadcrumbs: BreadcrumbLensMode;
  /** In a file handoffs cite, "cited by HANDOFF.md › Phase 5" at its top. */
  backlinks: boolean;
  commits: boolean;
  phases: boolean;
  /** The title's "+12 commits since this handoff", moved branch claims, and "superseded by …". */
  freshness: boolean;
}

export interface NewHandoffSettings {
  /** Folder, relative to the workspace folder, that New Handoff writes into. */
  folder: string;
  /** A Markdown template relative to the workspace folder, or null for the built-in one. */
  template: string | null;
}

export interface ExtensionSettings {
  core: CoreSettings;
  include: readonly string[];
  exclude: readonly string[];
  codeLens: CodeLensSettings;
  /** The tree reveals the node under the cursor of a handoff editor. */
  followCursor: boolean;
  /** Delay between the last edit and re-analysis. */
  debounceMs: number;
  newHandoff: NewHandoffSettings;
}

export const DEFAULT_DEBOUNCE_MS = 300;

/** Structurally the part of `vscode.WorkspaceConfiguration` we use: read one key (undefined when unset). */
export interface ConfigurationReader {
  get(key: string): unknown;
}

const globList = z.array(z.string().min(1)).max(500);
const bool = z.boolean();
const lensMode = z.enum(BREADCRUMB_LENS_MODES);
const debounce = z.number().int().min(0).max(10_000);
/** A path inside the workspace folder: relative, no `..`, no drive or leading slash (settings may come from the repository). */
const insidePath = z.string().min(1).max(300).refine(isInsidePath);
const optionalInsidePath = z.union([z.literal(''), insidePath]);

export const DEFAULT_NEW_HANDOFF_FOLDER = 'docs/handoffs';

export function isInsidePath(p: string): boolean {
  const s = p.replace(/\\/g, '/');
  return !s.startsWith('/') && !/^[A-Za-z]:/.test(s) && !s.includes('\0') && s.split('/').every((part) => part !== '..');
}

export interface ExtensionSettingsResult {
  settings: ExtensionSettings;
  /** One message per invalid value, naming the setting and the default used instead. */
  problems: string[];
}

export function readExtensionSettings(config: ConfigurationReader): ExtensionSettingsResult {
  const problems: string[] = [];
  const pick = <T>(key: string, schema: z.ZodType<T>, fallback: T, expected: string): T => {
    const raw = config.get(key);
    if (raw === undefined || raw === null) return fallback;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    problems.push(`handoffNavigator.${key}: ${JSON.stringify(raw)} is not ${expected}; using ${JSON.stringify(fallback)}`);
    return fallback;
  };

  // The core validates its own part (rule codes and severities) and words its own messages.
  const core = parseCoreSettings({
    rules: config.get('rules') ?? undefined,
    git: config.get('git.enabled') ?? undefined,
    gitTimeoutMs: config.get('git.timeoutMs') ?? undefined,
    handoffBehindCommits: config.get('handoffBehind.commits') ?? undefined,
  });
  problems.push(...core.problems.map((p) => `handoffNavigator: ${p.replace(/^handoffBehindCommits/, 'handoffBehind.commits')}`));

  const settings: ExtensionSettings = {
    core: core.settings,
    include: pick('include', globList, [...DEFAULT_INCLUDE], 'a list of glob patterns'),
    exclude: pick('exclude', globList, [...DEFAULT_EXCLUDE], 'a list of glob patterns'),
    codeLens: {
      // `codeLens.files: false` (the older switch) still turns breadcrumb lenses off unless the newer setting is set.
      breadcrumbs: pick('codeLens.breadcrumbs', lensMode, pick('codeLens.files', bool, true, 'true or false') ? 'news' : 'off', '"news", "all" or "off"'),
      backlinks: pick('codeLens.backlinks', bool, true, 'true or false'),
      commits: pick('codeLens.commits', bool, true, 'true or false'),
      phases: pick('codeLens.phases', bool, true, 'true or false'),
      freshness: pick('codeLens.freshness', bool, true, 'true or false'),
    },
    followCursor: pick('followCursor', bool, false, 'true or false'),
    debounceMs: pick('debounceMs', debounce, DEFAULT_DEBOUNCE_MS, 'a whole number of milliseconds from 0 to 10000'),
    newHandoff: {
      folder: pick('newHandoff.folder', insidePath, DEFAULT_NEW_HANDOFF_FOLDER, 'a folder inside the workspace folder (relative, without "..")'),
      template: pick('newHandoff.template', optionalInsidePath, '', 'a file inside the workspace folder (relative, without "..")') || null,
    },
  };
  return { settings, problems };
}

/** Remembers which problems were already shown, so a bad value is reported once, not on every change. */
export class ProblemReporter {
  private readonly seen = new Set<string>();

  /** The problems not reported before (and marks them reported). */
  fresh(problems: readonly string[]): string[] {
    const out = problems.filter((p) => !this.seen.has(p));
    for (const p of out) this.seen.add(p);
    return out;
  }
}
