'use client';

import { useEffect, useRef } from 'react';

const KEYS: [string, string][] = [
  ['I', 'Include'],
  ['E', 'Exclude (at full text, then a number for the reason)'],
  ['M', 'Maybe'],
  ['U', 'Undo my last vote'],
  ['N', 'Write a note'],
  ['J or →', 'Next record'],
  ['K or ←', 'Previous record (change a vote made in this session)'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Leave the note or the reason list'],
];

/** The keyboard shortcuts, in a modal dialog that keeps focus and closes on Escape. */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="help-title" className="rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
      <h2 id="help-title" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="mt-3 text-sm">
        <tbody>
          {KEYS.map(([key, action]) => (
            <tr key={key}>
              <th scope="row" className="py-1 pr-6 text-left font-mono font-semibold">
                {key}
              </th>
              <td className="py-1">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm">
        Close
      </button>
    </dialog>
  );
}
