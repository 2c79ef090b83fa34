/**
 * Which files are handoffs: the default globs shared by the CLI (folder arguments) and the extension
 * (`handoffNavigator.include`), and a small glob matcher for workspace-relative `/` paths.
 */

export const DEFAULT_INCLUDE: readonly string[] = Object.freeze([
  '**/HANDOFF*.md',
  '**/*handoff*.md',
  '**/SESSION-HANDOFF-*.md',
  '**/SESSION_HANDOFF*.md',
  '**/NEXT_SESSION.md',
  '**/CURRENT_TASK.md',
  '**/docs/handoffs/**/*.md',
  '**/memory-bank/{activeContext,progress}.md',
  '**/.planning/STATE.md',
  '**/.continue-here.md',
]);

export const DEFAULT_EXCLUDE: readonly string[] = Object.freeze(['**/node_modules/**', '**/.git/**']);

const cache = new Map<string, RegExp>();

/** Converts a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { inBraces++; re += '(?:'; }
    else if (c === '}' && inBraces) { inBraces--; re += ')'; }
    else if (c === ',' && inBraces) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > i) { re += `[${glob.slice(i + 1, close).replace(/\\/g, '\\\\')}]`; i = close; } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(glob, compiled);
  return compiled;
}

/** True when a workspace-relative path (with `/`) matches any include glob and no exclude glob. */
export function isHandoffPath(relativePath: string, include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return include.some((g) => globToRegExp(g).test(path)) && !exclude.some((g) => globToRegExp(g).test(path));
}
