/**
 * The handoff tools as a model sees them: one name, description and input for the MCP server (src/cli/mcp.ts)
 * and the VS Code language-model tools (package.json `languageModelTools`, src/vscode/lmTools), so both answer
 * the same questions the same way. A unit test holds package.json to these.
 */
export const TOOL_NAMES = ['handoff_digest', 'handoff_check', 'handoff_open_steps', 'handoff_resolve'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  handoff_digest:
    'Call this first when resuming work from a handoff note (HANDOFF.md, docs/handoffs/*.md, .planning/STATE.md, tasks.md…), before trusting anything it says. ' +
    'Returns the checked digest of the newest handoff (or the one at `path`): the repository now (branch, HEAD, upstream, unpushed and uncommitted), ' +
    'every claim and cited file marked holds / changed / gone with the evidence (moved lines, renamed or deleted files with the commit, amended or unpushed commits, moved branches), ' +
    'the open steps, the commits since the handoff was written, and which of them touch the files it cites. Deterministic and bounded (`maxBytes`, default 8192). Read-only.',
  handoff_check:
    'Call this to list the problems of one handoff (or the newest): unknown or unpushed commits, stale branch claims, missing files, cited lines past the end, open steps — ' +
    'one line each as `path:line:col: severity code: message`. Read-only.',
  handoff_open_steps:
    'Call this to get the steps still to do in the newest handoff (or the one at `path`): open, in progress or blocked, with their line and phase — ' +
    'not acceptance criteria, history or steps of a superseded handoff. Read-only.',
  handoff_resolve:
    'Call this when a handoff names a commit SHA, a branch or tag, or a file breadcrumb (`src/app.ts:120`) and you need to know what it points at now: ' +
    'the handoff\'s own claim judged (holds / changed / gone, the line it moved to, the commit that renamed or deleted the file) and what the repository has today. Read-only.',
};

/** What each tool takes (all optional but `target`): the MCP schemas and package.json's `inputSchema`s say the same. */
export const PATH_DESCRIPTION = 'The handoff file, relative to the workspace root; default: the newest handoff.';
export const MAX_BYTES_DESCRIPTION = 'At most this many bytes in the answer (1024 to 1048576; default 8192): what is left out is said.';
export const TARGET_DESCRIPTION = 'A commit SHA (7 to 64 hex digits), a branch or tag name, or a file breadcrumb as the handoff writes it (`src/app.ts`, `src/app.ts:120`, `src/app.ts:120-130`).';
