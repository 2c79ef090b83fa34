/** The extractors a model is built from. One place to wire them, so the model builder stays generic. */
import type { Extractor, FoundCommit, FoundFile, FoundRef, FoundStep } from './extract/types';
import { extractCommits } from './extract/commits';
import { extractFiles } from './extract/files';
import { extractRefs } from './extract/refs';
import { extractSteps } from './extract/steps';

export interface Extractors {
  commits: Extractor<FoundCommit>;
  refs: Extractor<FoundRef>;
  files: Extractor<FoundFile>;
  steps: Extractor<FoundStep>;
}

export const DEFAULT_EXTRACTORS: Extractors = {
  commits: extractCommits,
  refs: extractRefs,
  files: extractFiles,
  steps: extractSteps,
};
