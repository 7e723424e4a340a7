export type {
  ConflictKind,
  Decision,
  DeriveRecordStateInput,
  RecordState,
  ResolutionInput,
  Stage,
  StageState,
  StateSummary,
  VoteInput,
} from './types';
export { RECORD_STATES } from './types';
export { deriveRecordState, validateResolution, validateVote } from './state';
export { canChangeVote, isInReviewerQueue, summarizeStates } from './queue';
export type { ReviewerQueueInput } from './queue';
export { compileHighlightTerms, highlightText } from './highlight';
export type { CompiledHighlightTerms, HighlightKind, HighlightSegment, HighlightTermsInput, TermToken } from './highlight';
export { DEFAULT_EXCLUSION_REASONS } from './reasons';
export type { DefaultExclusionReason } from './reasons';
