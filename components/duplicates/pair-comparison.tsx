import { COMPARED_FIELDS, type ComparedField, type DuplicatePairView, type DuplicateRecordView, type FieldComparison } from '@/lib/validation/references';

const FIELD_LABEL: Record<ComparedField, string> = {
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  journal: 'Journal',
  volume: 'Volume',
  issue: 'Issue',
  pages: 'Pages',
  doi: 'DOI',
  pmid: 'PMID',
  abstract: 'Abstract',
};

const MARK: Record<FieldComparison, { text: string; cell: string; badge: string }> = {
  same: { text: 'same', cell: '', badge: 'bg-green-100 text-green-900' },
  different: { text: 'differs', cell: 'bg-amber-50', badge: 'bg-amber-200 text-amber-950' },
  missing: { text: 'one side missing', cell: 'bg-slate-50', badge: 'bg-slate-200 text-slate-800' },
  'both-missing': { text: 'neither', cell: 'text-slate-600', badge: 'bg-slate-100 text-slate-600' },
};

function value(record: DuplicateRecordView, field: ComparedField): string {
  const v = record[field];
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.join('; ') : '—';
  return String(v);
}

/** Two records side by side, field by field, each difference marked in words as well as colour. Imported text is shown as text. */
export function PairComparison({ pair }: { pair: DuplicatePairView }) {
  const column = (record: DuplicateRecordView, side: string) => (
    <th scope="col" className="w-[42%] py-2 pr-3 text-left align-top font-medium">
      Record {side}
      <span className="block text-xs font-normal text-slate-600">
        {record.databaseName} · {record.fileName}
        {record.isRemoved ? ' · already removed as a duplicate' : ''}
      </span>
    </th>
  );
  return (
    <table className="w-full table-fixed text-sm" aria-label="The two records compared field by field">
      <caption className="mb-2 text-left text-sm text-slate-700">
        Similarity score <strong className="tabular-nums">{pair.score.toFixed(2)}</strong>
        {pair.reasons.length ? <span className="text-slate-600"> — {pair.reasons.join(', ')}</span> : null}
      </caption>
      <thead className="border-b border-slate-200">
        <tr>
          <th scope="col" className="w-[16%] py-2 pr-3 text-left font-medium">
            Field
          </th>
          {column(pair.a, 'A')}
          {column(pair.b, 'B')}
        </tr>
      </thead>
      <tbody>
        {COMPARED_FIELDS.map((field) => {
          const mark = MARK[pair.comparison[field]];
          const isLong = field === 'abstract' || field === 'authors';
          return (
            <tr key={field} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-700">
                {FIELD_LABEL[field]}
                <span className={`mt-1 block w-fit rounded px-1.5 py-0.5 text-xs font-medium ${mark.badge}`}>{mark.text}</span>
              </th>
              {[pair.a, pair.b].map((record, i) => (
                <td key={i} className={`break-words py-2 pr-3 ${mark.cell}`}>
                  <span className={isLong ? 'line-clamp-6 whitespace-pre-line' : ''}>{value(record, field)}</span>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
