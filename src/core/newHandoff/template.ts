/**
 * The template a new handoff is written from, and its placeholders. A user's template (the
 * `handoffNavigator.newHandoff.template` setting, `handoff-lint new --template F`) is any Markdown with these
 * `{{name}}`s in it; a placeholder the template leaves out is simply not written, an unknown one is left as is.
 */

/** Each placeholder and what it becomes (README "New Handoff" lists the same). */
export const PLACEHOLDERS = {
  date: 'the date, `YYYY-MM-DD`',
  slug: 'the slug (`parser-work`)',
  title: 'the slug as words (`Parser work`)',
  repository: "the repository's folder name",
  branch: 'the checked-out branch (empty when detached)',
  head: "HEAD's full SHA (empty before the first commit)",
  headShort: "HEAD's 7-character SHA",
  upstream: 'the upstream branch (`origin/main`), or empty',
  previous: 'a link to the previous handoff, or `none`',
  frontMatter: 'the front matter fields, without the `---` lines: `date`, `git_commit`, `branch`, `repository`, `status`',
  state: 'branch, HEAD and upstream with ahead/behind, as a list',
  unpushed: 'the commits on no remote, SHA and subject, newest first',
  uncommitted: 'uncommitted changes (staged, unstaged, untracked) with what happened to each',
  changedSince: "files changed since the previous handoff's commit",
  carriedOver: "the previous handoff's open steps, as `- [ ]` checkboxes",
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const DEFAULT_TEMPLATE = `---
{{frontMatter}}
---

# Handoff {{date}}: {{title}}

## State at handoff

{{state}}

## Unpushed commits

{{unpushed}}

## Uncommitted changes

{{uncommitted}}

## Changed since the previous handoff

{{changedSince}}

## Open steps carried over

{{carriedOver}}

## Resume point

<!-- What the next session does first, as a checklist: "- [ ] …" -->
`;

/** A template longer than this is refused: it would be a document, not a template. */
export const MAX_TEMPLATE_CHARS = 64 * 1024;

/** Fills `{{name}}` (spaces inside the braces allowed); unknown names are left as written. */
export function renderTemplate(template: string, values: Readonly<Record<PlaceholderName, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name as PlaceholderName] : whole);
}
