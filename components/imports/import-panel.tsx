'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { TImportJobOut } from '@/lib/validation/imports';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';
import { ImportStatus, type UploadEntry } from './import-status';
import { fetchImportJob, uploadImport } from './upload-import';

type Props = {
  projectId: string;
  databases: readonly string[];
  maxBytes: number;
  /** Imports still queued or running when the page was rendered: their progress is followed too. */
  unfinished: TImportJobOut[];
};

const POLL_MS = 1000;
const isFinished = (job: TImportJobOut | null) => job?.status === 'succeeded' || job?.status === 'failed';

/**
 * The import form: a source (database name, date searched, search string)
 * and one or more files. Each file is uploaded, then its job is polled for
 * progress until its summary (or its error) is in; the page's counts refresh
 * when a file is done.
 */
export function ImportPanel({ projectId, databases, maxBytes, unfinished }: Props) {
  const router = useRouter();
  const [entries, setEntries] = useState<UploadEntry[]>(() =>
    unfinished.map((job) => ({ key: job.id, fileName: job.fileName, databaseName: job.databaseName, uploaded: 1, job, error: null })),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [pollRound, setPollRound] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const update = (key: string, change: Partial<UploadEntry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));

  // Follow every job that is not finished yet.
  const polling = entries.filter((e) => e.job && !isFinished(e.job)).map((e) => `${e.key}:${e.job!.id}`).join(',');
  useEffect(() => {
    if (!polling) return;
    let isActive = true;
    const timer = setTimeout(async () => {
      for (const pair of polling.split(',')) {
        const [key, jobId] = pair.split(':');
        try {
          const job = await fetchImportJob(projectId, jobId);
          if (!isActive) return;
          update(key, { job });
          if (isFinished(job)) router.refresh();
        } catch (error) {
          if (isActive) update(key, { error: (error as Error).message });
        }
      }
      if (isActive) setPollRound((n) => n + 1);
    }, POLL_MS);
    return () => {
      isActive = false;
      clearTimeout(timer);
    };
  }, [polling, pollRound, projectId, router]);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const fields = {
      source: String(data.get('source') ?? '').trim(),
      searchedOn: String(data.get('searchedOn') ?? ''),
      searchString: String(data.get('searchString') ?? ''),
    };
    const files = Array.from(fileInput.current?.files ?? []);
    if (!fields.source) return setFormError('Name the database these results come from.');
    if (files.length === 0) return setFormError('Choose at least one file.');
    const tooBig = files.find((f) => f.size > maxBytes);
    if (tooBig) return setFormError(`${tooBig.name} is larger than ${maxBytes / 1024 / 1024} MB. Split the export into smaller files.`);
    setFormError(null);
    setIsUploading(true);
    const added = files.map((file, i) => ({ file, entry: { key: `${Date.now()}-${i}-${file.name}`, fileName: file.name, databaseName: fields.source, uploaded: 0, job: null, error: null } }));
    setEntries((list) => [...added.map((a) => a.entry), ...list]);
    for (const { file, entry } of added) {
      try {
        const jobId = await uploadImport(projectId, fields, file, (uploaded) => update(entry.key, { uploaded }));
        update(entry.key, { uploaded: 1, job: { ...placeholderJob(jobId, entry) } });
      } catch (error) {
        update(entry.key, { error: (error as Error).message });
      }
    }
    setIsUploading(false);
    form.reset();
  }

  return (
    <div className="space-y-5">
      <form
        aria-label="Import search results"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-source" className={labelClass}>
              Database searched
            </label>
            <input id="import-source" name="source" list="import-databases" required maxLength={200} className={inputClass} placeholder="e.g. Medline" autoComplete="off" />
            <datalist id="import-databases">
              {databases.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor="import-date" className={labelClass}>
              Date searched <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input id="import-date" name="searchedOn" type="date" className={inputClass} />
          </div>
        </div>
        <div>
          <label htmlFor="import-search" className={labelClass}>
            Search string <span className="font-normal text-slate-500">(optional, for the methods section)</span>
          </label>
          <textarea id="import-search" name="searchString" rows={2} maxLength={50000} className={inputClass} />
        </div>
        <div>
          <label htmlFor="import-files" className={labelClass}>
            Files
          </label>
          <input id="import-files" ref={fileInput} name="files" type="file" multiple required className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-brand-700`} aria-describedby="import-files-help" />
          <p id="import-files-help" className="mt-1 text-xs text-slate-600">
            RIS, PubMed/MEDLINE (.nbib, .txt), BibTeX, EndNote XML, EndNote tagged, Web of Science, CSV or TSV; up to {maxBytes / 1024 / 1024} MB each. Each file is
            imported whole or not at all.
          </p>
        </div>
        {formError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        ) : null}
        <button type="submit" className={buttonClass} disabled={isUploading}>
          {isUploading ? 'Uploading…' : 'Import'}
        </button>
      </form>

      {entries.length > 0 ? (
        <section aria-labelledby="uploads-heading" aria-live="polite">
          <h3 id="uploads-heading" className="text-sm font-semibold text-slate-700">
            This session&apos;s imports
          </h3>
          <ul className="mt-2 space-y-3">
            {entries.map((entry) => (
              <li key={entry.key} className="rounded-md border border-slate-200 p-3 text-sm">
                <ImportStatus entry={entry} projectId={projectId} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Until the first poll answers, a just-queued job. */
function placeholderJob(jobId: string, entry: { fileName: string; databaseName: string }): TImportJobOut {
  return {
    id: jobId,
    status: 'queued',
    databaseName: entry.databaseName,
    fileName: entry.fileName,
    byteSize: 0,
    progress: { done: 0, total: null, message: 'Waiting to start' },
    summary: null,
    error: null,
    createdAt: new Date().toISOString(),
    finishedAt: null,
  };
}
