'use client';

import type { RefObject } from 'react';
import type { Decision, Stage } from '@/lib/domain/screening';
import { labelClass, inputClass, secondaryButtonClass } from '@/components/ui/styles';

type Props = {
  stage: Stage;
  currentDecision: Decision | null;
  note: string;
  onNoteChange: (note: string) => void;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  reasons: { id: string; label: string }[];
  isChoosingReason: boolean;
  onReasonChoose: (id: string) => void;
  onDecision: (decision: Decision) => void;
  onUndo: () => void;
  onHelp: () => void;
  canUndo: boolean;
};

const DECISIONS: { decision: Decision; label: string; key: string; className: string }[] = [
  { decision: 'include', label: 'Include', key: 'I', className: 'bg-green-700 hover:bg-green-800 text-white' },
  { decision: 'maybe', label: 'Maybe', key: 'M', className: 'bg-amber-600 hover:bg-amber-700 text-white' },
  { decision: 'exclude', label: 'Exclude', key: 'E', className: 'bg-red-700 hover:bg-red-800 text-white' },
];

/** The decision buttons (each with its key), the note, and at full text the exclusion reasons. */
export function VotePanel({ noteRef, note, onNoteChange, ...props }: Props) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Decision">
        {DECISIONS.map((d) => (
          <button
            key={d.decision}
            type="button"
            onClick={() => props.onDecision(d.decision)}
            aria-keyshortcuts={d.key}
            aria-pressed={props.currentDecision === d.decision}
            className={`rounded-md px-5 py-2 text-sm font-semibold shadow-sm ${d.className} ${props.currentDecision === d.decision ? 'ring-2 ring-offset-2 ring-slate-900' : ''}`}
          >
            {d.label} <kbd className="ml-1 rounded bg-white/20 px-1 font-mono text-xs">{d.key}</kbd>
          </button>
        ))}
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo} aria-keyshortcuts="U" className={secondaryButtonClass}>
          Undo <kbd className="font-mono text-xs">U</kbd>
        </button>
        <button type="button" onClick={props.onHelp} aria-keyshortcuts="?" className={secondaryButtonClass}>
          Shortcuts <kbd className="font-mono text-xs">?</kbd>
        </button>
      </div>
      {props.stage === 'full_text' && props.isChoosingReason ? (
        <fieldset className="rounded-md border border-red-200 bg-red-50 p-3">
          <legend className="px-1 text-sm font-semibold text-red-900">Why is it excluded? (press a number)</legend>
          <ol className="mt-1 grid gap-1 sm:grid-cols-2">
            {props.reasons.map((r, i) => (
              <li key={r.id}>
                <button type="button" onClick={() => props.onReasonChoose(r.id)} className="w-full rounded px-2 py-1 text-left text-sm hover:bg-red-100">
                  <kbd className="mr-2 font-mono">{i + 1}</kbd>
                  {r.label}
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
      ) : null}
      <div>
        <label htmlFor="vote-note" className={labelClass}>
          Note <span className="font-normal text-slate-500">(N; saved with your next vote)</span>
        </label>
        <textarea
          id="vote-note"
          ref={noteRef}
          rows={2}
          value={note}
          onChange={(e) => onNoteChange(e.target.value)}
          className={inputClass}
        />
      </div>
    </div>
  );
}
