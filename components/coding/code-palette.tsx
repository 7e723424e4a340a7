'use client';

import Fuse from 'fuse.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CodeDto } from '@/lib/domain/coding/views';
import { buttonClass, inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { CodeSwatch } from './code-chip';

type Option = { kind: 'code'; code: CodeDto } | { kind: 'create'; name: string };

/**
 * The keyboard palette that applies codes to the selected passage: type to
 * search (fuzzy), ↑/↓ to move, Enter to tick a code (or create the typed one),
 * Enter on an empty search (or Ctrl+Enter) to apply the ticked codes, Esc to close.
 */
export function CodePalette({ codes, excerpt, canCreate, busy, onCreate, onApply, onClose }: {
  codes: CodeDto[];
  excerpt: string;
  canCreate: boolean;
  busy: boolean;
  onCreate: (name: string) => Promise<CodeDto | null>;
  onApply: (codeIds: string[], memo: string) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const [memo, setMemo] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const titleId = useId();
  const fuse = useMemo(() => new Fuse(codes, { keys: ['name', 'description'], threshold: 0.4, ignoreLocation: true }), [codes]);
  const options: Option[] = useMemo(() => {
    const q = query.trim();
    const found = q ? fuse.search(q).map((r) => r.item) : [...codes].sort((a, b) => a.name.localeCompare(b.name));
    const list: Option[] = found.slice(0, 50).map((code) => ({ kind: 'code', code }));
    if (q && canCreate && !codes.some((c) => c.name.toLowerCase() === q.toLowerCase())) list.push({ kind: 'create', name: q });
    return list;
  }, [query, fuse, codes, canCreate]);

  useEffect(() => inputRef.current?.focus(), []);

  function toggle(id: string) {
    setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  }

  async function choose(option: Option | undefined) {
    if (!option) return;
    if (option.kind === 'code') toggle(option.code.id);
    else {
      const created = await onCreate(option.name);
      if (created) setChosen((list) => [...list, created.id]);
    }
    setQuery('');
    setActive(0);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !query.trim())) {
      e.preventDefault();
      if (chosen.length) onApply(chosen, memo);
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      void choose(options[active]);
    }
  }

  const chosenCodes = chosen.map((id) => codes.find((c) => c.id === id)).filter((c): c is CodeDto => Boolean(c));
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center bg-slate-900/30 p-4 pt-[10vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-xl" onKeyDown={onKeyDown}>
        <h2 id={titleId} className="font-semibold">
          Apply codes
        </h2>
        <blockquote className="max-h-24 overflow-auto border-l-4 border-slate-300 pl-3 text-sm text-slate-700">{excerpt}</blockquote>
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
          aria-label="Search codes"
          className={inputClass}
          placeholder={canCreate ? 'Search or create a code…' : 'Search codes…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <ul id={listId} role="listbox" aria-label="Codes" aria-multiselectable="true" className="max-h-60 overflow-auto rounded border border-slate-200">
          {options.map((option, i) => {
            const isChosen = option.kind === 'code' && chosen.includes(option.code.id);
            return (
              <li
                key={option.kind === 'code' ? option.code.id : 'create'}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={isChosen}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-brand-100' : ''}`}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void choose(option)}
              >
                {option.kind === 'code' ? (
                  <>
                    <span aria-hidden className="w-4">{isChosen ? '✓' : ''}</span>
                    <CodeSwatch color={option.code.color} />
                    <span>{option.code.name}</span>
                  </>
                ) : (
                  <span>
                    Create code “<strong>{option.name}</strong>”
                  </span>
                )}
              </li>
            );
          })}
          {options.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">No code matches.</li> : null}
        </ul>
        {chosenCodes.length ? (
          <p className="text-sm" aria-live="polite">
            To apply: {chosenCodes.map((c) => c.name).join(', ')}
          </p>
        ) : null}
        <label className="block text-sm font-medium text-slate-700">
          Memo (optional)
          <textarea className={inputClass} rows={2} value={memo} onChange={(e) => setMemo(e.target.value)} />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={buttonClass} disabled={busy || !chosen.length} onClick={() => onApply(chosen, memo)}>
            Apply {chosen.length || ''} code{chosen.length === 1 ? '' : 's'}
          </button>
        </div>
        <p className="text-xs text-slate-500">Enter ticks a code · Enter on an empty search or Ctrl+Enter applies · Esc closes</p>
      </div>
    </div>
  );
}
