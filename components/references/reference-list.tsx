'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import type { ReferenceSort, ReferenceStatus, TReferenceListItem, TReferenceListOut } from '@/lib/validation/references';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass, labelClass } from '@/components/ui/styles';
import { ReferenceDetail } from './reference-detail';
import { ReferenceRow } from './reference-row';

type Props = {
  projectId: string;
  sources: { id: string; databaseName: string; fileName: string }[];
  canSeeStates: boolean;
  initialStatus: ReferenceStatus;
  canRestore: boolean;
  restore: (referenceId: string) => Promise<ActionResult<{ referenceId: string }>>;
};

type Filters = { q: string; source: string; status: ReferenceStatus; sort: ReferenceSort };

const ROW_HEIGHT = 72;
const PAGE = 200;

const STATUS_OPTIONS: { value: ReferenceStatus; label: string; isScreening?: boolean }[] = [
  { value: 'all', label: 'All records' },
  { value: 'kept', label: 'Kept' },
  { value: 'removed', label: 'Removed as duplicates' },
  { value: 'awaiting', label: 'Awaiting screening votes', isScreening: true },
  { value: 'conflict', label: 'In conflict', isScreening: true },
  { value: 'included', label: 'Included at title/abstract', isScreening: true },
  { value: 'excluded', label: 'Excluded at title/abstract', isScreening: true },
];

/**
 * The project's references, searched, filtered and sorted on the server and
 * fetched a page at a time (keyset cursor) as the list scrolls; only the rows
 * in view are in the DOM (@tanstack/react-virtual), so 100,000 records scroll
 * as smoothly as 100.
 */
export function ReferenceList({ projectId, sources, canSeeStates, initialStatus, canRestore, restore }: Props) {
  const [filters, setFilters] = useState<Filters>({ q: '', source: '', status: initialStatus, sort: 'added' });
  const [query, setQuery] = useState(filters);
  const [items, setItems] = useState<TReferenceListItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [restoringId, setRestoringId] = useState<string | null>(null);
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  // Typing waits 300 ms before asking the server; the selects apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filters), filters.q === query.q ? 0 : 300);
    return () => clearTimeout(timer);
  }, [filters, query.q]);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      setIsLoading(true);
      const params = new URLSearchParams({ status: query.status, sort: query.sort, limit: String(PAGE) });
      if (query.q.trim()) params.set('q', query.q.trim());
      if (query.source) params.set('source', query.source);
      if (cursor) params.set('cursor', cursor);
      try {
        const response = await fetch(`/api/v1/projects/${projectId}/references?${params}`, { cache: 'no-store' });
        const body = (await response.json()) as TReferenceListOut & { error?: { message: string } };
        if (mine !== generation.current) return;
        if (!response.ok) throw new Error(body.error?.message ?? 'Could not load the references.');
        setItems((previous) => (cursor ? [...previous, ...body.items] : body.items));
        setNextCursor(body.nextCursor);
        if (!cursor) setTotal(body.total);
        setError(null);
      } catch (e) {
        if (mine === generation.current) setError((e as Error).message);
      } finally {
        if (mine === generation.current) setIsLoading(false);
      }
    },
    [projectId, query],
  );

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    void load(null);
  }, [load]);

  // The virtualizer is read fresh on every render (nothing memoizes its functions), as TanStack documents.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (nextCursor ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1].index : -1;
  useEffect(() => {
    if (nextCursor && !isLoading && lastIndex >= items.length - 1) void load(nextCursor);
  }, [lastIndex, items.length, nextCursor, isLoading, load]);

  async function restoreOne(item: TReferenceListItem) {
    setRestoringId(item.id);
    const result = await restore(item.id);
    setRestoringId(null);
    if (!result.ok) return setError(result.error);
    setItems((list) => list.map((r) => (r.id === item.id ? { ...r, duplicateOfId: null, screeningState: canSeeStates ? 'awaiting' : null } : r)));
    setNotice(`Restored “${item.title ?? 'record'}”: it is kept again and back in title/abstract screening.`);
  }

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  return (
    <div className="space-y-4">
      <form role="search" aria-label="Search references" className="grid gap-3 md:grid-cols-[2fr_1fr_1fr_1fr]" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="ref-q" className={labelClass}>Search title, abstract, authors</label>
          <input id="ref-q" type="search" value={filters.q} onChange={(e) => set({ q: e.target.value })} className={inputClass} placeholder="e.g. telehealth anxiety" />
        </div>
        <div>
          <label htmlFor="ref-source" className={labelClass}>Source</label>
          <select id="ref-source" value={filters.source} onChange={(e) => set({ source: e.target.value })} className={inputClass}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.databaseName} ({s.fileName})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ref-status" className={labelClass}>Status</label>
          <select id="ref-status" value={filters.status} onChange={(e) => set({ status: e.target.value as ReferenceStatus })} className={inputClass}>
            {STATUS_OPTIONS.filter((o) => canSeeStates || !o.isScreening).map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ref-sort" className={labelClass}>Sort</label>
          <select id="ref-sort" value={filters.sort} onChange={(e) => set({ sort: e.target.value as ReferenceSort })} className={inputClass}>
            <option value="added">Order imported</option>
            <option value="title">Title A–Z</option>
            <option value="year_desc">Newest first</option>
            <option value="year_asc">Oldest first</option>
          </select>
        </div>
      </form>

      <p className="text-sm text-slate-700" aria-live="polite" data-testid="reference-count">
        {total === null ? 'Loading…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'record' : 'records'}`}
      </p>
      <FormMessage error={error} success={notice} />

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div ref={scroller} className="h-[60vh] overflow-auto rounded-md border border-slate-200 bg-white" tabIndex={0} aria-label="References, scrollable">
          <div role="list" aria-label="References" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row) => {
              const item = items[row.index];
              return (
                <div
                  key={row.key}
                  role="listitem"
                  aria-setsize={total ?? -1}
                  aria-posinset={row.index + 1}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  {item ? (
                    <ReferenceRow
                      item={item}
                      isSelected={item.id === selectedId}
                      canRestore={canRestore}
                      isRestoring={restoringId === item.id}
                      onSelect={() => setSelectedId(item.id)}
                      onRestore={() => void restoreOne(item)}
                    />
                  ) : (
                    <p className="px-3 py-6 text-sm text-slate-500">Loading more…</p>
                  )}
                </div>
              );
            })}
          </div>
          {!isLoading && total === 0 ? <p className="p-4 text-sm text-slate-600">No records match.</p> : null}
        </div>
        <aside aria-label="Selected record" className="rounded-md border border-slate-200 bg-white p-4">
          {selectedId ? <ReferenceDetail projectId={projectId} referenceId={selectedId} /> : <p className="text-sm text-slate-600">Choose a title to read its abstract.</p>}
        </aside>
      </div>
    </div>
  );
}
