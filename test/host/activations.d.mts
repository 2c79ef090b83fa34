// Types of activations.mjs for the TypeScript that reads it (the bench, the unit test).

export type RunKind = 'development' | 'multi-root' | 'vsix';

/** One line of the activation log: one activation of the extension in a real-host run. */
export interface ActivationEntry {
  /** VS Code version of the run. */
  version: string;
  /** The log line's time, ISO 8601 UTC. */
  at: string;
  /** The number in "activated in N ms", as the extension logged it. */
  ms: number;
  runKind: RunKind;
  /** The extension's version in the log line. */
  extension: string;
  /** The run dir's name (handoff-host-<version>-<random>). */
  run: string;
  /** Whether the run passed; absent when not known (a kept run dir that did not fail). */
  ok?: boolean;
}

export const ACTIVATION_LOG_LIMIT: number;
export function activationLogFile(): string;
export function parseActivationLog(text: string): { at: string; ms: number; extension: string; folders: number | undefined }[];
export function activationLogsIn(runRoot: string): string[];
export function activationsInRunDir(runRoot: string, run: { version: string; runKind?: RunKind; ok?: boolean }): ActivationEntry[];
export function readActivationLog(file?: string): ActivationEntry[];
export function recordRunActivations(
  runRoot: string,
  run: { version: string; runKind: RunKind; ok: boolean },
  options?: { file?: string; limit?: number },
): ActivationEntry[];
export function keptRunActivations(roots?: (string | undefined)[]): ActivationEntry[];
export function activationKey(entry: Pick<ActivationEntry, 'run' | 'at' | 'ms'>): string;
export function allActivations(options?: { file?: string; roots?: (string | undefined)[] }): ActivationEntry[];
