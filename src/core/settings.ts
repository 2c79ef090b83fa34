/**
 * Settings the core understands, validated with zod at the edge (VS Code settings, CLI flags, config file).
 * A bad value is reported with a clear message and its default used; nothing is lost.
 */
// zod's tree-shakable build: the CLI carries only the validators used here, not the whole library (most of its bundle).
import * as z from 'zod/mini';
import { RULE_CODES, type RuleCode, type Severity } from './model';

export const severitySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type SeveritySetting = z.infer<typeof severitySetting>;

/** Each rule's severity unless configured; `off` rules run only when turned on. */
export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, SeveritySetting>> = Object.freeze({
  'unchecked-step': 'information',
  'unknown-commit': 'warning',
  'ambiguous-commit': 'warning',
  'unpushed-commit': 'warning',
  'stale-ref': 'warning',
  'missing-file': 'warning',
  'line-out-of-range': 'warning',
  'handoff-behind': 'off',
});

export interface CoreSettings {
  /** Severity per rule; `off` turns a rule off. */
  rules: Record<RuleCode, SeveritySetting>;
  /** Run git at all (false: parse-only results). */
  git: boolean;
  /** A git batch slower than this is abandoned with a notice. */
  gitTimeoutMs: number;
  /** `handoff-behind` reports a handoff once HEAD's branch has more commits than this since its anchor. */
  handoffBehindCommits: number;
}

export const DEFAULT_SETTINGS: Readonly<CoreSettings> = Object.freeze({
  rules: { ...DEFAULT_SEVERITIES },
  git: true,
  gitTimeoutMs: 10_000,
  handoffBehindCommits: 50,
});

/** The configured severity of a rule, or null when it is turned off. */
export function severityOf(settings: CoreSettings, code: RuleCode): Severity | null {
  const s = settings.rules[code];
  return s === undefined || s === 'off' ? null : s;
}

const ruleCode = z.enum(RULE_CODES);

/** Input shape: every field optional; rules may name a subset. */
export const coreSettingsInput = z.object({
  rules: z.optional(z.record(ruleCode, severitySetting)),
  git: z.optional(z.boolean()),
  gitTimeoutMs: z.optional(z.int().check(z.gte(100), z.lte(600_000))),
  handoffBehindCommits: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
});

export interface SettingsResult {
  settings: CoreSettings;
  /** One message per invalid value; each invalid value falls back to its default. */
  problems: string[];
}

/** Validates field by field so that one bad value never discards the good ones. Never throws. */
export function parseCoreSettings(input: unknown): SettingsResult {
  const problems: string[] = [];
  const settings: CoreSettings = {
    rules: { ...DEFAULT_SEVERITIES }, git: DEFAULT_SETTINGS.git, gitTimeoutMs: DEFAULT_SETTINGS.gitTimeoutMs, handoffBehindCommits: DEFAULT_SETTINGS.handoffBehindCommits,
  };
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings, problems: ['settings must be an object; using the defaults'] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push('rules must be an object of rule code → severity; using the defaults');
    } else {
      for (const [code, value] of Object.entries(raw.rules)) {
        const c = ruleCode.safeParse(code);
        const v = severitySetting.safeParse(value);
        if (!c.success) problems.push(`unknown rule "${code}" (known: ${RULE_CODES.join(', ')})`);
        else if (!v.success) problems.push(`rule "${code}": "${String(value)}" is not one of ${severitySetting.options.join(', ')}; using ${DEFAULT_SEVERITIES[c.data]}`);
        else settings.rules[c.data] = v.data;
      }
    }
  }
  const git = coreSettingsInput.shape.git.safeParse(raw.git);
  if (git.success) { if (git.data !== undefined) settings.git = git.data; } else problems.push(`git must be true or false; using ${settings.git}`);
  const timeout = coreSettingsInput.shape.gitTimeoutMs.safeParse(raw.gitTimeoutMs);
  if (timeout.success) { if (timeout.data !== undefined) settings.gitTimeoutMs = timeout.data; }
  else problems.push(`gitTimeoutMs must be a whole number of milliseconds from 100 to 600000; using ${settings.gitTimeoutMs}`);
  const behind = coreSettingsInput.shape.handoffBehindCommits.safeParse(raw.handoffBehindCommits);
  if (behind.success) { if (behind.data !== undefined) settings.handoffBehindCommits = behind.data; }
  else problems.push(`handoffBehindCommits must be a whole number of commits from 1 to 1000000; using ${settings.handoffBehindCommits}`);
  return { settings, problems };
}
