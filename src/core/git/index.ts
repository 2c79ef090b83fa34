/** The git side of the core: the provider interface the Node layer implements, and the check the service calls. */
export type {
  CommitDetails, GitProblem, GitProblemKind, GitProvider, GitResult, HeadState, HistoryCommit, Reach, RefInfo,
  RepoFacts, RepoHistory, RepoInfo, Rename, ShaLookup,
} from './provider';
export { checkAgainstGit, type GitCheckContext, type GitCheckResult } from './check';
export type { CommitState } from '../rules/commitRules';
export { HistoryGraph } from './graph';
export { fullShaSchema, refNameSchema, shaSchema, validRefName, validSha } from './schemas';
