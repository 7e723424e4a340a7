import Link from 'next/link';
import type { TImportJobOut } from '@/lib/validation/imports';

export type UploadEntry = {
  key: string;
  fileName: string;
  databaseName: string;
  /** Upload progress (0-1) while the file is sent. */
  uploaded: number;
  job: TImportJobOut | null;
  error: string | null;
};

const number = (n: number) => n.toLocaleString('en-GB');

function ProgressBar({ label, fraction, text }: { label: string; fraction: number | null; text: string }) {
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full bg-brand-600 transition-all ${percent === null ? 'w-1/3 animate-pulse' : ''}`} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{text}</p>
    </div>
  );
}

/** One file's import: upload, then the job's progress, then its summary or its error. */
export function ImportStatus({ entry, projectId }: { entry: UploadEntry; projectId: string }) {
  const { job } = entry;
  const title = `${entry.fileName} (${entry.databaseName})`;
  if (entry.error) {
    return (
      <div>
        <p className="font-medium">{title}</p>
        <p role="alert" className="mt-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {entry.error}
        </p>
      </div>
    );
  }
  if (!job) {
    return (
      <div>
        <p className="font-medium">{title}</p>
        <ProgressBar label={`Uploading ${entry.fileName}`} fraction={entry.uploaded} text={`Uploading: ${Math.round(entry.uploaded * 100)}%`} />
      </div>
    );
  }
  if (job.status === 'queued' || job.status === 'running') {
    const fraction = job.progress.total ? job.progress.done / job.progress.total : null;
    return (
      <div>
        <p className="font-medium">{title}</p>
        <ProgressBar label={`Importing ${entry.fileName}`} fraction={job.status === 'queued' ? 0 : fraction} text={job.progress.message ?? 'Importing…'} />
      </div>
    );
  }
  if (job.status === 'failed') {
    return (
      <div>
        <p className="font-medium">{title}</p>
        <p role="alert" className="mt-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Nothing was imported. {job.error?.message}
        </p>
      </div>
    );
  }
  return <ImportSummary title={title} job={job} projectId={projectId} />;
}

function ImportSummary({ title, job, projectId }: { title: string; job: TImportJobOut; projectId: string }) {
  const s = job.summary;
  if (!s) return <p className="font-medium">{title}: imported.</p>;
  return (
    <div data-testid="import-summary">
      <p className="font-medium">
        {title}: imported {number(s.records)} records ({s.format.toUpperCase()}, {s.encoding})
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        <Fact label="Records" value={number(s.records)} />
        <Fact label="With abstract" value={number(s.withAbstract)} />
        <Fact label="Without abstract" value={number(s.withoutAbstract)} />
        <Fact label="Duplicates merged automatically" value={number(s.duplicates.autoMerged)} />
        <Fact label="Probable duplicates to review" value={number(s.duplicates.queued)} />
        <Fact label="Kept for screening" value={number(s.kept)} />
      </dl>
      {s.duplicates.queued > 0 ? (
        <Link href={`/projects/${projectId}/duplicates`} className="mt-2 inline-block text-sm text-brand-700 underline">
          Review {number(s.duplicates.queued)} probable duplicate {s.duplicates.queued === 1 ? 'pair' : 'pairs'}
        </Link>
      ) : null}
      {s.warningCount > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-amber-800">
            {number(s.warningCount)} {s.warningCount === 1 ? 'warning' : 'warnings'} (the records were imported)
          </summary>
          <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5 text-slate-700">
            {s.warnings.map((w, i) => (
              <li key={i}>
                Line {number(w.line)}: {w.message}
              </li>
            ))}
            {s.warningCount > s.warnings.length ? <li>… and {number(s.warningCount - s.warnings.length)} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
