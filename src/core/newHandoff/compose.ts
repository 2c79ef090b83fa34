/**
 * A new handoff from gathered facts: facts in, Markdown out (pure). What it writes reads back through the language
 * service with every commit, file and step found, and checks clean but for what is true news: the unpushed commits
 * it lists (`unpushed-commit`) and the open steps it carries over (`unchecked-step`).
 */
import { linkTarget } from './markdown';
import {
  carriedOverSection, changedSinceSection, frontMatter, stateSection, uncommittedSection, unpushedSection,
} from './sections';
import { titleOfSlug } from './slug';
import { DEFAULT_TEMPLATE, renderTemplate, type PlaceholderName } from './template';
import type { NewHandoffInput } from './types';

export function placeholderValues(input: NewHandoffInput): Record<PlaceholderName, string> {
  const g = input.git;
  return {
    date: input.date,
    slug: input.slug,
    title: titleOfSlug(input.slug),
    repository: input.repository ?? '',
    branch: g?.branch ?? '',
    head: g?.headSha ?? '',
    headShort: g?.headSha?.slice(0, 7) ?? '',
    upstream: g?.upstream ?? '',
    previous: input.previous ? `[${input.previous.name}](${linkTarget(input.previous.link)})` : 'none',
    frontMatter: frontMatter(input),
    state: stateSection(input),
    unpushed: unpushedSection(input),
    uncommitted: uncommittedSection(input),
    changedSince: changedSinceSection(input),
    carriedOver: carriedOverSection(input),
  };
}

export function composeHandoff(input: NewHandoffInput, template: string = DEFAULT_TEMPLATE): string {
  const text = renderTemplate(template, placeholderValues(input));
  return text.endsWith('\n') ? text : `${text}\n`;
}
