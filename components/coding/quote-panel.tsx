'use client';

import { useState, useTransition } from 'react';
import type { CodeDto, QuoteDto } from '@/lib/domain/coding/views';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { CodeChip } from './code-chip';
import type { WorkspaceActions } from './coding-workspace';

type Props = {
  quotes: QuoteDto[];
  flagged: QuoteDto[];
  codes: Map<string, CodeDto>;
  me: string;
  canCode: boolean;
  canManage: boolean;
  activeQuoteId: string | null;
  selection: { start: number; end: number } | null;
  text: string;
  /** The version of the text shown (and selected in): the server refuses a span when the text has moved on. */
  documentVersion?: number;
  onActivate: (id: string) => void;
  onQuoteChange: (q: QuoteDto) => void;
  onQuoteRemoved: (id: string) => void;
  onFlaggedPlaced: () => void;
  actions: WorkspaceActions;
  setMessage: (m: { error?: string; success?: string }) => void;
};

/** The quotes of this study's text, in text order: codes, coder and memo; its coder adjusts or removes them. */
export function QuotePanel(props: Props) {
  const { quotes, flagged } = props;
  return (
    <section aria-label="Quotes" className="space-y-3">
      <h2 className="text-lg font-semibold">
        Quotes <span className="text-sm font-normal text-slate-600">({quotes.length})</span>
      </h2>
      {flagged.length ? (
        <section aria-label="Quotes to place again" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2">
          <h3 className="text-sm font-semibold text-amber-900">{flagged.length} quote{flagged.length === 1 ? '' : 's'} could not be placed on the new text</h3>
          <ul className="space-y-2">{flagged.map((q) => <QuoteItem key={q.id} quote={q} {...props} isFlagged />)}</ul>
        </section>
      ) : null}
      {quotes.length === 0 ? <p className="text-sm text-slate-600">No quotes yet. Select words in the text and press C.</p> : null}
      <ul className="max-h-[70vh] space-y-2 overflow-auto pr-1">
        {quotes.map((q) => (
          <QuoteItem key={q.id} quote={q} {...props} />
        ))}
      </ul>
    </section>
  );
}

function QuoteItem({ quote, codes, me, canCode, canManage, activeQuoteId, selection, text, documentVersion, onActivate, onQuoteChange, onQuoteRemoved, onFlaggedPlaced, actions, setMessage, isFlagged = false }: Props & { quote: QuoteDto; isFlagged?: boolean }) {
  const [memo, setMemo] = useState(quote.memo ?? '');
  const [isPending, startTransition] = useTransition();
  const isMine = quote.coderId === me && canCode;
  const mayRemove = isMine || (canCode && canManage);
  const isActive = activeQuoteId === quote.id;

  function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, done: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) done(result.data);
      else setMessage({ error: result.error });
    });
  }

  return (
    <li
      id={`quote-${quote.id}`}
      data-testid="quote"
      className={`rounded-md border bg-white p-2 text-sm shadow-sm ${isActive ? 'border-slate-800' : 'border-slate-200'}`}
      onFocus={() => onActivate(quote.id)}
      onClick={() => onActivate(quote.id)}
    >
      <blockquote className="border-l-2 border-slate-300 pl-2 text-slate-800">{quote.text.length > 280 ? `${quote.text.slice(0, 280)}…` : quote.text}</blockquote>
      <p className="mt-1 text-xs text-slate-600">
        {quote.coderName} · characters {quote.start}–{quote.end}
      </p>
      {isFlagged ? <p className="mt-1 text-xs text-amber-900">{quote.flaggedReason}</p> : null}
      <ul aria-label="Codes on this quote" className="mt-1 flex flex-wrap gap-1">
        {quote.codings.map((coding) => {
          const code = codes.get(coding.codeId);
          return (
            <li key={coding.id}>
              <CodeChip name={code?.name ?? 'Unknown code'} color={code?.color ?? '#999999'}>
                {mayRemove ? (
                  <button
                    type="button"
                    className="ml-0.5 rounded px-1 text-slate-500 hover:bg-slate-200"
                    aria-label={`Remove ${code?.name ?? 'code'} from this quote`}
                    disabled={isPending}
                    onClick={() =>
                      run(
                        () => actions.deleteCoding(coding.id),
                        (d) => (d.quoteRemoved ? onQuoteRemoved(quote.id) : onQuoteChange({ ...quote, codings: quote.codings.filter((c) => c.id !== coding.id) })),
                      )
                    }
                  >
                    ×
                  </button>
                ) : null}
              </CodeChip>
            </li>
          );
        })}
      </ul>
      {isMine ? (
        <div className="mt-2 space-y-1">
          <label className="block text-xs font-medium text-slate-700">
            Memo
            <textarea className={`${inputClass} text-sm`} rows={2} value={memo} onChange={(e) => setMemo(e.target.value)} />
          </label>
          <div className="flex flex-wrap gap-1">
            <button type="button" className={secondaryButtonClass} disabled={isPending || memo === (quote.memo ?? '')} onClick={() => run(() => actions.updateQuote(quote.id, { memo }), (q) => { onQuoteChange(q); setMessage({ success: 'Memo saved.' }); })}>
              Save memo
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={isPending || !selection}
              title={selection ? `Use characters ${selection.start}–${selection.end}` : 'Select the new extent in the text first'}
              onClick={() =>
                selection &&
                run(
                  () => actions.updateQuote(quote.id, { start: selection.start, end: selection.end, documentVersion }),
                  (q) => {
                    if (isFlagged) onFlaggedPlaced();
                    else onQuoteChange(q);
                    setMessage({ success: `Quote now “${text.slice(q.start, Math.min(q.end, q.start + 60))}${q.end - q.start > 60 ? '…' : ''}”.` });
                  },
                )
              }
            >
              {isFlagged ? 'Place on selection' : 'Set to selection'}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={isPending} onClick={() => run(() => actions.deleteQuote(quote.id), () => onQuoteRemoved(quote.id))}>
              Delete quote
            </button>
          </div>
        </div>
      ) : quote.memo ? (
        <p className="mt-1 whitespace-pre-wrap text-xs text-slate-700">Memo: {quote.memo}</p>
      ) : null}
    </li>
  );
}
