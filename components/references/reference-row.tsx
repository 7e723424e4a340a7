import type { TReferenceListItem } from '@/lib/validation/references';
import { secondaryButtonClass } from '@/components/ui/styles';

const STATE_LABEL: Record<string, { label: string; className: string }> = {
  awaiting: { label: 'Awaiting votes', className: 'bg-slate-100 text-slate-700' },
  included: { label: 'Included', className: 'bg-green-100 text-green-900' },
  resolved_included: { label: 'Included (resolved)', className: 'bg-green-100 text-green-900' },
  excluded: { label: 'Excluded', className: 'bg-red-100 text-red-900' },
  resolved_excluded: { label: 'Excluded (resolved)', className: 'bg-red-100 text-red-900' },
  conflict: { label: 'Conflict', className: 'bg-amber-100 text-amber-900' },
};

export function StatusBadge({ item }: { item: TReferenceListItem }) {
  if (item.duplicateOfId) return <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Removed as duplicate</span>;
  const state = item.screeningState ? STATE_LABEL[item.screeningState] : null;
  if (!state) return <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-900">Kept</span>;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${state.className}`}>{state.label}</span>;
}

type Props = {
  item: TReferenceListItem;
  isSelected: boolean;
  canRestore: boolean;
  isRestoring: boolean;
  onSelect: () => void;
  onRestore: () => void;
};

/** One line of the references list; imported text is rendered as text, never as markup. */
export function ReferenceRow({ item, isSelected, canRestore, isRestoring, onSelect, onRestore }: Props) {
  const authors = item.authors.join('; ') + (item.authorCount > item.authors.length ? ` and ${item.authorCount - item.authors.length} more` : '');
  return (
    <div className={`flex h-full items-center gap-3 border-b border-slate-100 px-3 ${isSelected ? 'bg-brand-50' : 'bg-white'}`}>
      <div className="min-w-0 flex-1">
        <button type="button" onClick={onSelect} aria-pressed={isSelected} className="block w-full truncate text-left font-medium text-slate-900 hover:underline">
          {item.title ?? '(no title)'}
        </button>
        <p className="truncate text-xs text-slate-600">{[authors, item.year, item.journal].filter(Boolean).join(' · ') || '—'}</p>
        <p className="mt-0.5 flex items-center gap-2 text-xs text-slate-600">
          <span>{item.source.databaseName}</span>
          {!item.hasAbstract ? <span>no abstract</span> : null}
        </p>
      </div>
      <StatusBadge item={item} />
      {item.duplicateOfId && canRestore ? (
        <button type="button" className={secondaryButtonClass} onClick={onRestore} disabled={isRestoring}>
          Restore<span className="sr-only"> {item.title ?? 'this record'}</span>
        </button>
      ) : null}
    </div>
  );
}
