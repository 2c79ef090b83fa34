/** Reading the project's own handoff fixtures and, when present, the shared seeds and corpus beside the checkout. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../src/core/parse/parseDocument';
import { buildModel } from '../../../src/core/buildModel';
import type { HandoffModel } from '../../../src/core/model';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'handoffs');
export const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');
export const hasShared = () => existsSync(join(SHARED, 'seeds')) && existsSync(join(SHARED, 'corpus'));

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The fixtures at the top of the folder (the dialect fixtures live in folders of their own). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
}

export function seedPath(prefix: string): string {
  const name = readdirSync(join(SHARED, 'seeds')).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SHARED}/seeds`);
  return join(SHARED, 'seeds', name);
}

export function modelOf(text: string, path = ''): HandoffModel & { text: string } {
  const parsed = parseDocument(text);
  return { ...buildModel(parsed, { path }).model, text: parsed.text };
}

/** For `before` hooks: skips the suite with a plain message when ../shared is not beside the checkout. */
export function requireShared(this: Mocha.Context, what: string): void {
  if (!hasShared()) {
    console.log(`    (skipped: ${what} needs ../shared beside the checkout, which only CI and the developers have)`);
    this.skip();
  }
}
