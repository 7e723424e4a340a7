'use client';

import { useEffect, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';
import type { ActionResult, Cell, CellQuote, FrameworkMatrix, StatementView } from './types';

type Props = {
  matrix: FrameworkMatrix;
  statements: StatementView[];
  canEdit: boolean;
  loadQuotes: (cell: { domainId: string; themeId?: string; levelId: string }) => Promise<ActionResult<{ quotes: CellQuote[]; studies: number }>>;
  saveStatement: (input: Cell & { summary: string; recommendation: string }) => Promise<ActionResult>;
};

const same = (a: Cell, b: Cell) => a.domainId === b.domainId && a.themeId === b.themeId && a.levelId === b.levelId;

/**
 * The framework matrix: domains and their themes as rows, levels as columns,
 * each cell the number of distinct studies (barriers / facilitators). A cell
 * opens its quotes and its statement.
 */
export function FrameworkMatrixView({ matrix, statements, canEdit, loadQuotes, saveStatement }: Props) {
  const [open, setOpen] = useState<(Cell & { label: string; level: string }) | null>(null);
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" aria-label="Framework matrix">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">Domain and theme</th>
              {matrix.levels.map((l) => (
                <th key={l.id} scope="col" className="px-2 py-2 text-center font-medium">{l.label}</th>
              ))}
            </tr>
          </thead>
          {matrix.domains.map((d) => (
            <tbody key={d.id}>
              <tr className="border-t-2 border-slate-200 bg-slate-50/60">
                <th scope="rowgroup" colSpan={matrix.levels.length + 1} className="px-2 py-1.5 font-semibold text-brand-900">
                  {d.label} <span className="font-normal text-slate-600">(n = {d.n})</span>
                </th>
              </tr>
              {d.rows.map((r) => (
                <tr key={`${d.id}|${r.themeId}`} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1.5 font-normal" data-testid="matrix-row-summary">{r.summary}</th>
                  {r.cells.map((c, i) => {
                    const cell = { domainId: d.id, themeId: r.themeId, levelId: c.levelId };
                    const level = matrix.levels[i];
                    const isOpen = open ? same(open, cell) : false;
                    const hasStatement = statements.some((s) => same(s, cell) && (s.summary || s.recommendation));
                    return (
                      <td key={c.levelId} className="px-1 py-1 text-center">
                        <button
                          type="button"
                          aria-pressed={isOpen}
                          aria-label={`${r.label} at ${level.label}: ${c.studies} ${c.studies === 1 ? 'study' : 'studies'}, ${c.barrier} with barriers, ${c.facilitator} with facilitators${hasStatement ? ', has a statement' : ''}`}
                          onClick={() => setOpen(isOpen ? null : { ...cell, label: r.label, level: level.label })}
                          className={`w-full rounded-md border px-2 py-1 tabular-nums ${isOpen ? 'border-brand-600 bg-brand-100' : c.studies ? 'border-slate-300 bg-white hover:bg-slate-50' : 'border-transparent text-slate-500 hover:bg-slate-50'}`}
                        >
                          <span className="block text-base font-semibold">{c.studies}</span>
                          {c.studies ? (
                            <span className="block text-xs text-slate-600">
                              <span className="text-red-800">B {c.barrier}</span> · <span className="text-green-800">F {c.facilitator}</span>
                            </span>
                          ) : null}
                          {hasStatement ? <span className="block text-xs text-brand-700">statement</span> : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {open ? <CellPanel key={`${open.domainId}|${open.themeId}|${open.levelId}`} cell={open} statement={statements.find((s) => same(s, open))} canEdit={canEdit} loadQuotes={loadQuotes} saveStatement={saveStatement} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function CellPanel({
  cell,
  statement,
  canEdit,
  loadQuotes,
  saveStatement,
  onClose,
}: {
  cell: Cell & { label: string; level: string };
  statement?: StatementView;
  canEdit: boolean;
  loadQuotes: Props['loadQuotes'];
  saveStatement: Props['saveStatement'];
  onClose: () => void;
}) {
  const [quotes, setQuotes] = useState<CellQuote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [summary, setSummary] = useState(statement?.summary ?? '');
  const [recommendation, setRecommendation] = useState(statement?.recommendation ?? '');
  const [isPending, startTransition] = useTransition();
  useEffect(() => {
    let isCurrent = true;
    loadQuotes({ domainId: cell.domainId, levelId: cell.levelId, ...(cell.themeId ? { themeId: cell.themeId } : {}) }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setQuotes(result.data.quotes);
      else setError(result.error);
    });
    return () => {
      isCurrent = false;
    };
  }, [cell.domainId, cell.themeId, cell.levelId, loadQuotes]);
  const headingId = 'cell-panel-heading';
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-brand-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {cell.label} at {cell.level}
        </h3>
        <button type="button" className="text-sm text-slate-600 underline" onClick={onClose}>
          Close
        </button>
      </div>
      <FormMessage error={error} />
      {canEdit ? (
        <form
          className="mt-3 grid gap-3 md:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const result = await saveStatement({ domainId: cell.domainId, themeId: cell.themeId, levelId: cell.levelId, summary, recommendation });
              setError(result.ok ? null : result.error);
              setSaved(result.ok ? 'Statement saved.' : null);
            });
          }}
        >
          <div>
            <label className={labelClass} htmlFor="cell-summary">Summary statement</label>
            <textarea id="cell-summary" rows={3} className={inputClass} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </div>
          <div>
            <label className={labelClass} htmlFor="cell-recommendation">Policy recommendation</label>
            <textarea id="cell-recommendation" rows={3} className={inputClass} value={recommendation} onChange={(e) => setRecommendation(e.target.value)} />
          </div>
          <div className="flex items-center gap-3 md:col-span-2">
            <button type="submit" className={buttonClass} disabled={isPending}>Save statement</button>
            <FormMessage success={saved} />
          </div>
        </form>
      ) : statement && (statement.summary || statement.recommendation) ? (
        <dl className="mt-3 grid gap-2 text-sm md:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-600">Summary statement</dt>
            <dd className="whitespace-pre-wrap">{statement.summary}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">Policy recommendation</dt>
            <dd className="whitespace-pre-wrap">{statement.recommendation}</dd>
          </div>
        </dl>
      ) : null}
      <h4 className="mt-4 font-medium">Quotes</h4>
      {quotes === null && !error ? <p className="text-sm text-slate-600">Loading quotes…</p> : null}
      {quotes && quotes.length === 0 ? <p className="text-sm text-slate-600">No coded quote sits in this cell yet.</p> : null}
      {quotes && quotes.length ? (
        <ul className="mt-2 space-y-2" aria-label={`Quotes in ${cell.label} at ${cell.level}`}>
          {quotes.map((q) => (
            <li key={q.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{q.study}</span> · coded by {q.coder} · {q.codes.map((c) => `${c.name}${c.polarity ? ` (${c.polarity})` : ''}`).join(', ')}
              </p>
              <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-slate-300 pl-3">{q.text}</blockquote>
              {q.memo ? <p className="mt-1 whitespace-pre-wrap text-slate-700"><span className="font-medium">Memo:</span> {q.memo}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
