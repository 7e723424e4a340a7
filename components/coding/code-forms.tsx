'use client';

import Link from 'next/link';
import { useState } from 'react';
import { descendantIds } from '@/lib/domain/coding/code-tree';
import { CODE_KIND_LABELS, CODE_KINDS, CODE_POLARITIES, POLARITY_LABELS } from '@/lib/domain/coding/palette';
import type { CodeDto } from '@/lib/domain/coding/views';
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

/* The codebook's forms: a new code, and one code's details (edit, merge, delete). */

/** The codebook in display order with depths: the editor's memoised `flattenTree(codes)`. */
export type CodeRow = CodeDto & { depth: number };

export function NewCodeForm({ rows, disabled, onCreate }: { rows: readonly CodeRow[]; disabled: boolean; onCreate: (input: unknown) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onCreate({ name, kind: data.get('kind'), parentId: data.get('parentId') || null });
        setName('');
      }}
    >
      <div>
        <label htmlFor="new-code-name" className={labelClass}>
          New code
        </label>
        <input id="new-code-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </div>
      <div>
        <label htmlFor="new-code-kind" className={labelClass}>
          Kind
        </label>
        <select id="new-code-kind" name="kind" className={inputClass} defaultValue="code">
          {CODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {CODE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="new-code-parent" className={labelClass}>
          Under
        </label>
        <ParentSelect id="new-code-parent" name="parentId" rows={rows} />
      </div>
      <button type="submit" className={buttonClass} disabled={disabled || !name.trim()}>
        Add code
      </button>
    </form>
  );
}

/** The codebook as indented options, without the codes in `exclude`. */
function CodeOptions({ rows, exclude = [] }: { rows: readonly CodeRow[]; exclude?: readonly string[] }) {
  return (
    <>
      {rows
        .filter((c) => !exclude.includes(c.id))
        .map((c) => (
          <option key={c.id} value={c.id}>
            {'\u00a0\u00a0'.repeat(c.depth)}
            {c.name}
          </option>
        ))}
    </>
  );
}

function ParentSelect({ id, name, rows, exclude = [], defaultValue = '' }: { id: string; name: string; rows: readonly CodeRow[]; exclude?: string[]; defaultValue?: string }) {
  return (
    <select id={id} name={name} className={inputClass} defaultValue={defaultValue}>
      <option value="">(top level)</option>
      <CodeOptions rows={rows} exclude={exclude} />
    </select>
  );
}

export function CodeDetails({ projectId, code, codes, rows, canManage, disabled, onSave, onDelete, onMerge }: {
  projectId: string;
  code: CodeDto;
  codes: CodeDto[];
  rows: readonly CodeRow[];
  canManage: boolean;
  disabled: boolean;
  onSave: (input: Record<string, unknown>) => void;
  onDelete: () => void;
  onMerge: (targetId: string) => void;
}) {
  const blocked = [code.id, ...descendantIds(codes, code.id)];
  const [mergeTarget, setMergeTarget] = useState('');
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{code.name}</h3>
      <p className="text-sm text-slate-700">
        {code.quoteCount} quote{code.quoteCount === 1 ? '' : 's'}.{' '}
        <Link className="text-brand-700 underline" href={`/projects/${projectId}/coding/codes/${code.id}`}>
          Retrieve its quotes
        </Link>
      </p>
      <div>
        <h4 className="text-sm font-medium text-slate-700">Framework cells</h4>
        {code.frameworkCells.length ? (
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
            {code.frameworkCells.map((cell) => (
              <li key={cell.id}>
                {cell.framework}: {cell.domain}
                {cell.theme ? ` / ${cell.theme}` : ''} × {cell.level}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-600">None yet: the synthesis page maps codes onto a framework.</p>
        )}
      </div>
      {canManage ? (
        <>
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const d = new FormData(e.currentTarget);
              onSave({
                name: d.get('name'),
                description: d.get('description'),
                color: d.get('color'),
                kind: d.get('kind'),
                polarity: d.get('polarity') || null,
                ...(String(d.get('parentId') ?? '') !== (code.parentId ?? '') ? { parentId: d.get('parentId') || null } : {}),
              });
            }}
          >
            <label className={labelClass}>
              Name
              <input name="name" className={inputClass} defaultValue={code.name} required maxLength={200} />
            </label>
            <label className={labelClass}>
              Description
              <textarea name="description" className={inputClass} defaultValue={code.description} rows={3} />
            </label>
            <div className="flex gap-2">
              <label className={labelClass}>
                Colour
                <input name="color" type="color" className="block h-9 w-14 rounded border border-slate-300" defaultValue={code.color} />
              </label>
              <label className={`${labelClass} flex-1`}>
                Kind
                <select name="kind" className={inputClass} defaultValue={code.kind}>
                  {CODE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {CODE_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className={labelClass}>
              Polarity
              <select name="polarity" className={inputClass} defaultValue={code.polarity ?? ''}>
                <option value="">(none)</option>
                {CODE_POLARITIES.map((p) => (
                  <option key={p} value={p}>
                    {POLARITY_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
            <div>
              <label htmlFor="code-parent" className={labelClass}>
                Parent
              </label>
              <ParentSelect id="code-parent" name="parentId" rows={rows} exclude={blocked} defaultValue={code.parentId ?? ''} />
            </div>
            <button type="submit" className={buttonClass} disabled={disabled}>
              Save code
            </button>
          </form>
          <div className="space-y-2 border-t border-slate-200 pt-3">
            <label htmlFor="merge-target" className={labelClass}>
              Merge into
            </label>
            <select id="merge-target" className={inputClass} value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)}>
              <option value="">Choose a code…</option>
              <CodeOptions rows={rows} exclude={blocked} />
            </select>
            <p className="text-xs text-slate-600">Its quotes, sub-codes and framework cells move to the chosen code; then it is removed.</p>
            <button type="button" className={secondaryButtonClass} disabled={disabled || !mergeTarget} onClick={() => onMerge(mergeTarget)}>
              Merge
            </button>
          </div>
          <div className="border-t border-slate-200 pt-3">
            <button type="button" className={dangerButtonClass} disabled={disabled || code.quoteCount > 0} onClick={onDelete}>
              Delete code
            </button>
            {code.quoteCount > 0 ? <p className="mt-1 text-xs text-slate-600">A code with quotes is merged, not deleted.</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
