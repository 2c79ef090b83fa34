import { run } from '../../../src/cli/main';

/** What `handoff-lint <args>` writes to stdout, run in this process (its stderr dropped). */
export async function lintOutput(args: readonly string[]): Promise<string> {
  let out = '';
  await run([...args], (s) => { out += s; }, () => {});
  return out;
}
