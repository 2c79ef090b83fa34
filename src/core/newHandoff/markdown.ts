/** Small Markdown writers for composed handoffs: text that reads back exactly as written. */

/** A code span holding `s` whatever backticks it contains (CommonMark: a longer fence, padded when needed). */
export function code(s: string): string {
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** One line of prose: line breaks folded, so a subject or step stays one list item. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A link target: spaces and parentheses escaped so the target ends where it should. */
export function linkTarget(path: string): string {
  return path.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A front-matter value: plain when YAML reads it plainly, else single-quoted. */
export function yamlValue(s: string): string {
  return /^[A-Za-z0-9_./@+-][A-Za-z0-9_./@+ -]*$/.test(s) && !s.endsWith(' ') ? s : `'${s.replace(/'/g, "''")}'`;
}

/** `to` relative to the folder `fromDir` (both absolute or both relative to one root, `/` separators). */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter((p) => p && p !== '.');
  const b = to.split('/').filter((p) => p && p !== '.');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
