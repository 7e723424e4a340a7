'use client';

import { useState, useTransition } from 'react';
import type { StudyCodingView } from '@/lib/domain/coding/views';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass } from '@/components/ui/styles';

/**
 * Change the text a study is coded on: its PDF text, its abstract, an
 * uploaded .txt file or pasted text. A coded text gets a new version onto
 * which quotes are re-anchored (or flagged).
 */
export function DocumentSourceForm({ view, setText, onDone }: { view: StudyCodingView; setText: (input: unknown) => Promise<ActionResult<{ version: number; kept: number; flagged: number; unchanged: boolean }>>; onDone: () => void }) {
  const [source, setSource] = useState<'pdf' | 'abstract' | 'paste' | 'upload'>(view.hasPdfText ? 'pdf' : 'paste');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm" open={!view.document}>
      <summary className="cursor-pointer font-medium">Change the text</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const text = source === 'paste' ? pasted : source === 'upload' ? await file?.text() : undefined;
            if (source === 'upload' && file && !/\.txt$/i.test(file.name)) {
              setMessage({ error: 'Upload a plain-text (.txt) file; for a PDF, upload it on the full-text screening page.' });
              return;
            }
            const result = await setText({ source, text, fileName: file?.name });
            if (!result.ok) return setMessage({ error: result.error });
            const r = result.data;
            setMessage({ success: r.unchanged ? 'That is already the text.' : `Now version ${r.version}.${r.kept || r.flagged ? ` ${r.kept} quote${r.kept === 1 ? '' : 's'} kept, ${r.flagged} to place again.` : ''}` });
            onDone();
          });
        }}
      >
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">Source of the text</legend>
          {(
            [
              ['pdf', 'PDF text', view.hasPdfText],
              ['abstract', 'Abstract', view.hasAbstract],
              ['paste', 'Paste', true],
              ['upload', 'Upload .txt', true],
            ] as const
          ).map(([value, label, enabled]) => (
            <label key={value} className={`flex items-center gap-1 ${enabled ? '' : 'text-slate-400'}`}>
              <input type="radio" name="source" value={value} checked={source === value} disabled={!enabled} onChange={() => setSource(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {source === 'paste' ? (
          <label className="block">
            <span className="text-slate-700">Text</span>
            <textarea className={inputClass} rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
        ) : null}
        {source === 'upload' ? (
          <label className="block">
            <span className="text-slate-700">Text file</span>
            <input type="file" accept=".txt,text/plain" className="block" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
        ) : null}
        {view.document?.isFrozen ? <p className="text-xs text-slate-600">This text is coded: the new text becomes version {view.document.version + 1}; quotes move to it where their words are found, and the rest are listed for their coders to place again.</p> : null}
        <FormMessage error={message.error} success={message.success} />
        <button type="submit" className={buttonClass} disabled={isPending}>
          Use this text
        </button>
      </form>
    </details>
  );
}
