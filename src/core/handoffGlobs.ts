/**
 * Which files are handoffs: the default globs shared by the CLI (folder arguments) and the extension
 * (`handoffNavigator.include`), and a small glob matcher for workspace-relative `/` paths.
 */

/**
 * One glob per shape, so that a user can turn any of them off in `handoffNavigator.include` (it is a list); no two
 * match the same dialect's files. Each names the dialect's own file names or folders, never a bare `*.md`: an
 * ordinary `notes.md`, `README.md` or `docs/guide.md` is not a handoff.
 */
export const DEFAULT_INCLUDE: readonly string[] = Object.freeze([
  // HANDOFF.md, docs/handoff-2026-05-19.md, AGENT_HANDOFF.md, SESSION_HANDOFF.md, Session-Handoff.md.
  '**/*{HANDOFF,handoff,Handoff}*.md',
  '**/NEXT_SESSION.md',
  '**/CURRENT_TASK.md',
  // What the next session starts from, by another name: `NEXT_STEPS.md`, `TODO_NEXT.md`, `RESUME_HERE.md`.
  '**/{NEXT_STEPS,NEXT-STEPS,TODO_NEXT,TODO-NEXT,RESUME_HERE,RESUME-HERE}.md',
  '**/docs/handoffs/**/*.md',
  '**/*{HANDOVER,handover,Handover}*.md',
  // Cline's memory bank.
  '**/memory-bank/{activeContext,progress}.md',
  // GSD: the state, the roadmap, each phase's plans and summaries, the pause file.
  '**/.planning/STATE.md',
  '**/.planning/ROADMAP.md',
  '**/.planning/phases/**/*-{PLAN,SUMMARY}.md',
  '**/.continue-here*.md',
  // Spec Kit (`specs/004-feature/tasks.md`) and Kiro (`.kiro/specs/feature/tasks.md`).
  '**/specs/[0-9][0-9][0-9]-*/tasks.md',
  '**/.kiro/specs/*/tasks.md',
  // Claude Code's and Cursor's plan files.
  '**/.claude/plans/*.md',
  '**/.cursor/plans/*.md',
  // HumanLayer's handoffs.
  '**/thoughts/shared/handoffs/**/*.md',
  // Session records and dated logs.
  '**/docs/sessions/**/*.md',
  '**/{SESSION_LOG,SESSION-LOG,WORKLOG,DEVLOG}*.md',
]);

/**
 * Besides dependencies and git's own folder: the folders where coding agents keep their instructions. A Cline rule
 * `.clinerules/98-task-handoff.md`, a Claude Code command `.claude/commands/handoff.md` or skill say how to write a
 * handoff, with a template and an example whose steps are nobody's work (`- [Detailed list of remaining tasks]`).
 */
export const DEFAULT_EXCLUDE: readonly string[] = Object.freeze([
  '**/node_modules/**', '**/.git/**',
  '**/.clinerules/**', '**/.cursor/rules/**', '**/.roo/**', '**/.windsurf/rules/**',
  '**/.claude/{commands,agents,skills}/**', '**/.github/{instructions,prompts}/**',
  // Other agents' custom commands and prompts: Qwen Code, Gemini CLI, Codex, opencode.
  '**/.qwen/commands/**', '**/.gemini/commands/**', '**/.codex/prompts/**', '**/.opencode/{command,commands,agent}/**',
  // A handoff template (`HANDOFF_TEMPLATE.md`, `docs/handoffs/template.md`, `handoff-lint new --template`'s file, a
  // project scaffold's `_template/` folder): its steps and commits are placeholders or examples, nobody's work.
  // Named so, not merely mentioning it: `docs/handoffs/2026-05-19-template-engine.md` is a handoff.
  '**/*[-_.]{TEMPLATE,Template,template}.md', '**/{TEMPLATE,Template,template}.md', '**/{template,templates,_template,_templates}/**',
]);

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
