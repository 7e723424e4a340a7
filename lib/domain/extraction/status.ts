/** Where a study stands in extraction. */
export type StudyExtractionStatus = 'not_started' | 'in_progress' | 'ready_for_consensus' | 'finalised';

export const STUDY_STATUS_LABELS: Record<StudyExtractionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  ready_for_consensus: 'Ready for consensus',
  finalised: 'Finalised',
};

export type ExtractorState = { extractorId: string; isComplete: boolean };

/**
 * A study's status from its extractions and consensus: finalised once a lead
 * finalised it; ready for consensus when the required number of extractors
 * have marked theirs complete; in progress when anyone started.
 */
export function studyExtractionStatus(extractors: readonly ExtractorState[], required: number, isFinalised: boolean): StudyExtractionStatus {
  if (isFinalised) return 'finalised';
  if (extractors.filter((e) => e.isComplete).length >= required) return 'ready_for_consensus';
  return extractors.length ? 'in_progress' : 'not_started';
}

/**
 * Whether a user may extract a study: they already have an extraction, or the
 * study has fewer extractors than the project asks for; never once finalised.
 */
export function canStartExtraction(extractors: readonly ExtractorState[], userId: string, required: number, isFinalised: boolean): boolean {
  if (isFinalised) return false;
  return extractors.some((e) => e.extractorId === userId) || extractors.length < required;
}
