'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compileHighlightTerms, type Decision, type Stage } from '@/lib/domain/screening';
import type { ActionResult } from '@/lib/validation/action-result';
import type { TFullText, TMyVote, TProgress, TQueueRecord } from '@/lib/validation/screening-api';
import { FormMessage } from '@/components/ui/form-message';
import { FullTextPanel } from './full-text-panel';
import { KeyboardHelp } from './keyboard-help';
import { ProgressSummary } from './progress-summary';
import { RecordView } from './record-view';
import { useScreeningKeys } from './use-screening-keys';
import { VotePanel } from './vote-panel';

export type ScreeningActions = {
  vote: (input: { referenceId: string; stage: Stage; decision: Decision; reason?: string | null; note?: string | null }) => Promise<ActionResult<TMyVote>>;
  undo: (input: { referenceId: string; stage: Stage }) => Promise<ActionResult>;
  fetchQueue: (skip: string[]) => Promise<ActionResult<TQueueRecord[]>>;
  fetchProgress: () => Promise<ActionResult<TProgress>>;
  uploadFullText: (referenceId: string, form: FormData) => Promise<ActionResult<TFullText>>;
  setNotRetrievable: (referenceId: string, flag: boolean) => Promise<ActionResult<{ notRetrievable: boolean }>>;
};

type Props = {
  projectId: string;
  stage: Stage;
  initialQueue: TQueueRecord[];
  initialProgress: TProgress;
  criteria: string;
  highlightTerms: { include: string[]; exclude: string[] };
  reasons: { id: string; label: string }[];
  actions: ScreeningActions;
};

type Voted = { record: TQueueRecord; vote: TMyVote };

/**
 * One record at a time, keyboard first. The next records are prefetched, so
 * a vote moves on at once while it is saved; a failed save brings the record
 * back with the error. Records voted in this session can be revisited (K) to
 * change the vote, or undone (U).
 */
export function ScreeningWorkspace({ projectId, stage, initialQueue, initialProgress, criteria, highlightTerms, reasons, actions }: Props) {
  const [queue, setQueue] = useState(initialQueue);
  const [history, setHistory] = useState<Voted[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [progress, setProgress] = useState(initialProgress);
  const [note, setNote] = useState('');
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [isChoosingReason, setIsChoosingReason] = useState(false);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isExhausted, setIsExhausted] = useState(initialQueue.length === 0);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const fetching = useRef(false);
  const terms = useMemo(
    () => (highlightTerms.include.length || highlightTerms.exclude.length ? compileHighlightTerms(highlightTerms) : null),
    [highlightTerms],
  );

  const viewed: Voted | null = cursor === null ? null : history[cursor] ?? null;
  const record = viewed?.record ?? queue[0] ?? null;

  // A different record on screen starts with its own note and reason (React's "reset state on prop change" pattern).
  const [shownId, setShownId] = useState<string | null>(record?.id ?? null);
  if ((record?.id ?? null) !== shownId) {
    setShownId(record?.id ?? null);
    setNote(viewed?.vote.note ?? '');
    setReasonId(viewed?.vote.reasonId ?? null);
    setIsChoosingReason(false);
  }

  const refreshProgress = useCallback(async () => {
    const result = await actions.fetchProgress();
    if (result.ok) setProgress(result.data);
  }, [actions]);

  useEffect(() => {
    if (queue.length >= 3 || isExhausted || fetching.current) return;
    fetching.current = true;
    const held = [...queue.map((r) => r.id), ...history.map((h) => h.record.id)];
    actions.fetchQueue(held).then((result) => {
      fetching.current = false;
      if (!result.ok) return setError(result.error);
      const fresh = result.data.filter((r) => !held.includes(r.id));
      if (fresh.length === 0) setIsExhausted(true);
      else setQueue((q) => [...q, ...fresh.filter((r) => !q.some((x) => x.id === r.id))]);
    });
  }, [queue, history, isExhausted, actions]);

  const vote = useCallback(
    async (decision: Decision, chosenReasonId: string | null = reasonId) => {
      if (!record) return;
      if (decision === 'exclude' && stage === 'full_text' && !chosenReasonId) {
        setIsChoosingReason(true);
        setStatus('Choose the exclusion reason: press its number, or click it.');
        return;
      }
      const input = { referenceId: record.id, stage, decision, reason: decision === 'exclude' ? chosenReasonId : null, note: note || null };
      const fromQueue = cursor === null;
      if (fromQueue) setQueue((q) => q.slice(1));
      setIsChoosingReason(false);
      const result = await actions.vote(input);
      if (!result.ok) {
        if (fromQueue) setQueue((q) => [record, ...q]);
        setError(result.error);
        return;
      }
      setError(null);
      setStatus(`Saved: ${decision} “${(record.title ?? '').slice(0, 80)}”.`);
      setHistory((h) => (fromQueue ? [...h, { record, vote: result.data }] : h.map((v) => (v.record.id === record.id ? { record, vote: result.data } : v))));
      if (!fromQueue) setCursor(null);
      setNote('');
      setReasonId(null);
      void refreshProgress();
    },
    [record, stage, reasonId, note, cursor, actions, refreshProgress],
  );

  const undo = useCallback(async () => {
    const last = history[history.length - 1];
    if (!last) return setStatus('Nothing to undo in this session.');
    const result = await actions.undo({ referenceId: last.record.id, stage });
    if (!result.ok) return setError(result.error);
    setHistory((h) => h.slice(0, -1));
    setQueue((q) => [last.record, ...q.filter((r) => r.id !== last.record.id)]);
    setCursor(null);
    setIsExhausted(false);
    setStatus(`Undone: your vote on “${(last.record.title ?? '').slice(0, 80)}” was withdrawn.`);
    void refreshProgress();
  }, [history, stage, actions, refreshProgress]);

  const handlers = useMemo(
    () => ({
      onDecision: (d: Decision) => void vote(d),
      onUndo: () => void undo(),
      onNote: () => noteRef.current?.focus(),
      onNext: () => setCursor((c) => (c === null || c >= history.length - 1 ? null : c + 1)),
      onPrevious: () => setCursor((c) => (history.length === 0 ? null : c === null ? history.length - 1 : Math.max(0, c - 1))),
      onHelp: () => setIsHelpOpen((o) => !o),
      onDigit: (n: number) => {
        const reason = reasons[n - 1];
        if (isChoosingReason && reason) {
          setReasonId(reason.id);
          void vote('exclude', reason.id);
        }
      },
      onEscape: () => {
        setIsChoosingReason(false);
        (document.activeElement as HTMLElement | null)?.blur();
      },
    }),
    [vote, undo, history.length, reasons, isChoosingReason],
  );
  useScreeningKeys(handlers, !isHelpOpen);

  return (
    <div className={`grid gap-6 ${stage === 'full_text' ? 'xl:grid-cols-[minmax(24rem,2fr)_minmax(0,3fr)_16rem]' : 'lg:grid-cols-[1fr_20rem]'}`}>
      <div className="min-w-0 space-y-4">
        <FormMessage error={error} />
        <p role="status" aria-live="polite" className="sr-only" data-testid="screening-status">
          {status}
        </p>
        {record ? (
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            {viewed ? (
              <p className="mb-3 rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
                Revisiting a record you voted on ({viewed.vote.decision}). Press I, E or M to change your vote, J to return.
              </p>
            ) : null}
            <RecordView record={record} terms={terms} />
          </div>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
            <h2 className="text-lg font-semibold">Your queue is empty</h2>
            <p className="mt-1 text-slate-600">
              There is no record at this stage that still needs your vote. Press K to look back at this session&apos;s votes.
            </p>
          </div>
        )}
        {record ? (
          <VotePanel
            stage={stage}
            currentDecision={viewed?.vote.decision ?? null}
            note={note}
            onNoteChange={setNote}
            noteRef={noteRef}
            reasons={reasons}
            isChoosingReason={isChoosingReason}
            onReasonChoose={(id) => {
              setReasonId(id);
              void vote('exclude', id);
            }}
            onDecision={(d) => void vote(d)}
            onUndo={() => void undo()}
            onHelp={() => setIsHelpOpen(true)}
            canUndo={history.length > 0}
          />
        ) : null}
      </div>
      {stage === 'full_text' && record ? (
        <FullTextPanel key={record.id} projectId={projectId} record={record} upload={actions.uploadFullText} setNotRetrievable={actions.setNotRetrievable} />
      ) : null}
      <aside className="space-y-6">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-3 text-sm font-semibold text-slate-800">Progress</h2>
          <ProgressSummary progress={progress} />
          <Link href={`/projects/${projectId}/screening/progress?stage=${stage}`} className="mt-3 inline-block text-sm text-brand-700 underline">
            Recall curve and how much is left
          </Link>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-sm font-semibold text-slate-800">Eligibility criteria</h2>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{criteria || 'The leads have not written criteria yet.'}</p>
        </div>
      </aside>
      <KeyboardHelp open={isHelpOpen} onClose={() => setIsHelpOpen(false)} />
    </div>
  );
}
