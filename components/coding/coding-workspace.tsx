'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { CodeDto, QuoteDto, StudyCodingView } from '@/lib/domain/coding/views';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { secondaryButtonClass } from '@/components/ui/styles';
import { CodePalette } from './code-palette';
import { DocumentText, type Highlight } from './document-text';
import { DocumentSourceForm } from './document-source-form';
import { QuotePanel } from './quote-panel';
import { selectionOffsets } from './selection-offsets';

export type WorkspaceActions = {
  apply: (input: unknown) => Promise<ActionResult<QuoteDto>>;
  createCode: (input: unknown) => Promise<ActionResult<{ code: CodeDto; codes: CodeDto[] }>>;
  updateQuote: (quoteId: string, input: unknown) => Promise<ActionResult<QuoteDto>>;
  deleteCoding: (codingId: string) => Promise<ActionResult<{ quoteRemoved: boolean }>>;
  deleteQuote: (quoteId: string) => Promise<ActionResult<null>>;
  setText: (input: unknown) => Promise<ActionResult<{ version: number; kept: number; flagged: number; unchanged: boolean }>>;
  savePosition: (line: number) => Promise<ActionResult<null>>;
};

type Span = { start: number; end: number };

/**
 * Line-by-line coding of one study: select words in the text, press C (or
 * Ctrl+K) and pick codes; highlights take their codes' colours (overlaps show
 * every colour); the panel lists each quote with its coder, codes and memo.
 */
export function CodingWorkspace({ view, actions }: { view: StudyCodingView; actions: WorkspaceActions }) {
  const router = useRouter();
  const [codes, setCodes] = useState(view.codes);
  const [quotes, setQuotes] = useState(view.quotes);
  const [selection, setSelection] = useState<Span | null>(null);
  // The span the palette codes: fixed when it opens, so a selection that collapses meanwhile (a key press, a click) cannot change it.
  const [paletteSpan, setPaletteSpan] = useState<Span | null>(null);
  const isPaletteOpen = paletteSpan !== null;
  const [activeQuoteId, setActiveQuoteId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const text = view.document?.text ?? '';
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);

  const highlights: Highlight[] = useMemo(
    () =>
      quotes.map((q) => {
        const list = q.codings.map((c) => codeById.get(c.codeId)).filter((c): c is CodeDto => Boolean(c));
        return { id: q.id, start: q.start, end: q.end, colors: list.map((c) => c.color), label: `${list.map((c) => c.name).join(', ')} (${q.coderName})` };
      }),
    [quotes, codeById],
  );

  const readSelection = useCallback(() => {
    setSelection(selectionOffsets(window.getSelection(), textRef.current, text.length));
  }, [text.length]);

  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [readSelection]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (isPaletteOpen || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const isPaletteKey = (e.key === 'c' && !e.ctrlKey && !e.metaKey && !e.altKey) || (e.key === 'k' && (e.ctrlKey || e.metaKey));
      if (isPaletteKey && view.canCode) {
        e.preventDefault();
        const span = selectionOffsets(window.getSelection(), textRef.current, text.length) ?? selection;
        if (span) setPaletteSpan(span);
        else setMessage({ error: 'Select some words in the text first, then press C.' });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isPaletteOpen, selection, view.canCode, text.length]);

  // The reading position: restore it once, then keep it as the reader scrolls.
  useEffect(() => {
    if (!view.readingLine || !scrollRef.current) return;
    const row = scrollRef.current.querySelector<HTMLElement>(`[data-line="${view.readingLine}"]`);
    if (row) scrollRef.current.scrollTop = row.offsetTop - scrollRef.current.offsetTop;
  }, [view.readingLine]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  function onScroll() {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const box = scrollRef.current;
      if (!box) return;
      const top = box.getBoundingClientRect().top;
      const first = [...box.querySelectorAll<HTMLElement>('[data-line]')].find((row) => row.getBoundingClientRect().bottom > top);
      if (first) void actions.savePosition(Number(first.dataset.line));
    }, 700);
  }

  function apply(codeIds: string[], memo: string) {
    if (!paletteSpan) return;
    const span = paletteSpan;
    startTransition(async () => {
      const result = await actions.apply({ studyId: view.study.id, codeIds, start: span.start, end: span.end, memo: memo || null, documentVersion: view.document?.version });
      if (!result.ok) {
        setMessage({ error: result.error });
        return;
      }
      setQuotes((list) => [...list.filter((q) => q.id !== result.data.id), result.data].sort((a, b) => a.start - b.start || a.end - b.end));
      setCodes((list) => list.map((c) => (codeIds.includes(c.id) ? { ...c, quoteCount: c.quoteCount + 1 } : c)));
      setActiveQuoteId(result.data.id);
      setPaletteSpan(null);
      window.getSelection()?.removeAllRanges();
      setMessage({ success: `Coded “${result.data.text.slice(0, 60)}${result.data.text.length > 60 ? '…' : ''}”.` });
    });
  }

  async function createCode(name: string): Promise<CodeDto | null> {
    const result = await actions.createCode({ name });
    if (!result.ok) {
      setMessage({ error: result.error });
      return null;
    }
    setCodes(result.data.codes);
    return result.data.code;
  }

  const onHighlightClick = useCallback((ids: string[]) => {
    if (window.getSelection()?.isCollapsed === false) return;
    setActiveQuoteId(ids[ids.length - 1]);
    document.getElementById(`quote-${ids[ids.length - 1]}`)?.scrollIntoView({ block: 'nearest' });
  }, []);

  if (!view.document) {
    return (
      <div className="space-y-3">
        <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">This study has no text yet: no PDF text and no abstract. Paste or upload its text to code it.</p>
        {view.canCode ? <DocumentSourceForm view={view} setText={actions.setText} onDone={() => router.refresh()} /> : null}
      </div>
    );
  }

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-label="Study text" className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>
            Version {view.document.version} of {view.document.versions} · {SOURCE_LABELS[view.document.source]}
            {view.document.fileName ? ` (${view.document.fileName})` : ''} · {view.document.isFrozen ? 'frozen: coded text keeps its offsets' : 'not coded yet'}
          </span>
          {view.canCode ? (
            <button type="button" className={`${secondaryButtonClass} ml-auto`} disabled={!selection || isPending} onClick={() => setPaletteSpan(selection)}>
              Code selection (C)
            </button>
          ) : null}
        </div>
        <p role="status" className="sr-only" aria-live="polite">
          {selection ? `Selected characters ${selection.start} to ${selection.end}. Press C to code.` : ''}
        </p>
        <FormMessage error={message.error} success={message.success} />
        <div ref={scrollRef} onScroll={onScroll} className="relative max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="document-scroll">
          <div ref={textRef} data-testid="document-text" onMouseUp={readSelection} onKeyUp={readSelection}>
            <DocumentText text={text} highlights={highlights} activeQuoteId={activeQuoteId} onHighlightClick={onHighlightClick} />
          </div>
        </div>
        {view.canCode ? <DocumentSourceForm view={view} setText={actions.setText} onDone={() => router.refresh()} /> : null}
      </section>
      <QuotePanel
        quotes={quotes}
        flagged={view.flaggedQuotes}
        codes={codeById}
        me={view.me}
        canCode={view.canCode}
        canManage={view.canManage}
        activeQuoteId={activeQuoteId}
        selection={selection}
        text={text}
        documentVersion={view.document?.version}
        onActivate={setActiveQuoteId}
        onQuoteChange={(q) => setQuotes((list) => list.map((x) => (x.id === q.id ? q : x)))}
        onQuoteRemoved={(id) => setQuotes((list) => list.filter((x) => x.id !== id))}
        onFlaggedPlaced={() => router.refresh()}
        actions={actions}
        setMessage={setMessage}
      />
      {paletteSpan ? (
        <CodePalette
          codes={codes}
          excerpt={text.slice(paletteSpan.start, paletteSpan.end)}
          canCreate={view.canCode}
          busy={isPending}
          onCreate={createCode}
          onApply={apply}
          onClose={() => setPaletteSpan(null)}
        />
      ) : null}
    </div>
  );
}

export const SOURCE_LABELS = { pdf: 'PDF text', upload: 'uploaded text', paste: 'pasted text', abstract: 'abstract' } as const;
