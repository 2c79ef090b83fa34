/**
 * Everything that reaches git from a document is validated here first. A handoff is untrusted text: a "SHA"
 * like `--upload-pack=x` or a "branch" like `HEAD;rm -rf` must never become an option or a rev expression.
 * Even after validation the Node side passes values after `--end-of-options` or on stdin, never via a shell.
 */
import * as z from 'zod/mini';

const SHA = /^[0-9a-fA-F]{4,40}$/;
const FULL_SHA = /^[0-9a-f]{40}$/;

/** An abbreviated or full object name: 4–40 hex digits (git's own minimum abbreviation is 4). */
export const shaSchema = z.string().check(z.regex(SHA, 'not a commit SHA (4–40 hex digits)'));

/** A full 40-hex object name as git prints it. */
export const fullShaSchema = z.string().check(z.regex(FULL_SHA, 'not a full SHA'));

/**
 * What fullShaSchema accepts, as a type guard, without a schema run per call: git's output is read line by line
 * and a 5,000-commit graph checks ten thousand of them (zod's safeParse costs microseconds each).
 */
export function isFullSha(s: string | undefined | null): s is string {
  return typeof s === 'string' && FULL_SHA.test(s);
}

// The ref name's checks, shared by its schema and validRefName.
const PLAIN_REF = /^[A-Za-z0-9_][A-Za-z0-9._\/+-]*$/;
const wellFormedRef = (s: string) => !s.includes('..') && !s.includes('//') && !s.endsWith('/') && !s.endsWith('.');
const componentsOk = (s: string) => s.split('/').every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
const notHead = (s: string) => s !== 'HEAD' && s !== '@';

/**
 * A ref name as a handoff writes it (`main`, `feature/x`, `origin/main`, `v1.2.0`), following
 * git-check-ref-format, stricter: no leading `-` (option injection), no `..`, `@{`, `~^:?*[\`, control
 * characters, spaces or shell metacharacters, no leading/trailing `/` or `.`, no `.lock` component.
 */
export const refNameSchema = z.string().check(
  z.minLength(1),
  z.maxLength(255),
  z.regex(PLAIN_REF, 'not a plain ref name'),
  z.refine(wellFormedRef, 'not a valid ref name'),
  z.refine(componentsOk, 'not a valid ref name'),
  z.refine(notHead, 'HEAD is not a branch name'),
);

/** Returns the SHA lower-cased when valid, else null. */
export function validSha(input: string): string | null {
  // What shaSchema accepts (the same pattern), without a schema run per SHA: a batch validates thousands.
  return typeof input === 'string' && SHA.test(input) ? input.toLowerCase() : null;
}

/**
 * The name when refNameSchema accepts it (the same checks), else null, without a schema run per call: a handoff's
 * table of branches is judged row by row, thousands of names in a large one.
 */
export function validRefName(input: string): string | null {
  return typeof input === 'string' && input.length >= 1 && input.length <= 255 && PLAIN_REF.test(input)
    && wellFormedRef(input) && componentsOk(input) && notHead(input) ? input : null;
}
