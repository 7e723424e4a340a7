'use client';

import { useState } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';

type Sentence = { id: string; label: string; text: string };

/** Ready methods-section sentences, each with a button that copies it. */
export function MethodsSentences({ sentences }: { sentences: Sentence[] }) {
  const [status, setStatus] = useState('');
  const copy = async (sentence: Sentence) => {
    try {
      await navigator.clipboard.writeText(sentence.text);
      setStatus(`Copied to the clipboard: ${sentence.text}`);
    } catch {
      setStatus('Copying was refused by the browser: select the sentence and copy it by hand.');
    }
  };
  return (
    <div className="space-y-4">
      {sentences.map((sentence) => (
        <div key={sentence.id}>
          <p id={`${sentence.id}-label`} className="text-sm font-medium text-slate-700">
            {sentence.label}
          </p>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-start">
            <blockquote id={sentence.id} className="flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-900">
              {sentence.text}
            </blockquote>
            <button
              type="button"
              className={secondaryButtonClass}
              aria-describedby={`${sentence.id}-label`}
              onClick={() => copy(sentence)}
            >
              Copy sentence
            </button>
          </div>
        </div>
      ))}
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
    </div>
  );
}
