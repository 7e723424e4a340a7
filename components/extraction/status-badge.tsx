import { STUDY_STATUS_LABELS, type StudyExtractionStatus } from '@/lib/domain/extraction/status';

const TONES: Record<StudyExtractionStatus, string> = {
  not_started: 'bg-slate-100 text-slate-700',
  in_progress: 'bg-amber-100 text-amber-900',
  ready_for_consensus: 'bg-blue-100 text-blue-900',
  finalised: 'bg-green-100 text-green-900',
};

export function StudyStatusBadge({ status }: { status: StudyExtractionStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{STUDY_STATUS_LABELS[status]}</span>;
}
