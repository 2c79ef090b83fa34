/** The extractors a model is built from. One place to wire them, so the model builder stays generic. */
import type { Extractor, FoundCommit, FoundFile, FoundRef, FoundStep } from './extract/types';
import { extractSteps } from './extract/steps';

export interface Extractors {
  commits: Extractor<FoundCommit>;
  refs: Extractor<FoundRef>;
  files: Extractor<FoundFile>;
  steps: Extractor<FoundStep>;
}

const none = () => [];

export const DEFAULT_EXTRACTORS: Extractors = {
  commits: none,
  refs: none,
  files: none,
  steps: extractSteps,
};
