/** The git side of the core: the provider interface the Node layer implements, and the graph it answers from. */
export type {
  CommitDetails, DeletionsResult, DocumentAnchor, GitProblem, GitProblemKind, GitProvider, GitResult, GraphCommit, HeadState, Hunk,
  MentioningCommit, PathChange, PathDeletion, Reach, RefInfo, RepoFacts, RepoGraph, RepoInfo, ShaLookup, StatusEntry, WorkingState,
} from './provider';
export { CommitGraph } from './graph';
export { fullShaSchema, isFullSha, refNameSchema, shaSchema, validRefName, validSha } from './schemas';
