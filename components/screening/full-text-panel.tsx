'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import type { TFullText, TQueueRecord } from '@/lib/validation/screening-api';
import { FormMessage } from '@/components/ui/form-message';
import { secondaryButtonClass } from '@/components/ui/styles';

type Props = {
  projectId: string;
  record: TQueueRecord;
  upload: (referenceId: string, form: FormData) => Promise<ActionResult<TFullText>>;
  setNotRetrievable: (referenceId: string, flag: boolean) => Promise<ActionResult<{ notRetrievable: boolean }>>;
};

/** The report's PDF beside the decision panel, with upload and the "not retrievable" mark (PRISMA). */
export function FullTextPanel({ projectId, record, upload, setNotRetrievable }: Props) {
  const [fullText, setFullText] = useState(record.fullText);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [version, setVersion] = useState(0);
  const pdfUrl = `/api/v1/projects/${projectId}/references/${record.id}/full-text`;

  return (
    <section aria-label="Full text" className="flex h-full flex-col gap-3">
      <FormMessage error={error} />
      {fullText?.hasFile ? (
        <iframe key={version} title={`Full text of ${record.title ?? 'the record'}`} src={pdfUrl} className="min-h-[32rem] w-full flex-1 rounded border border-slate-200 bg-white" />
      ) : (
        <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {fullText?.notRetrievable ? 'Marked as not retrievable: this report counts as "reports not retrieved" in PRISMA.' : 'No full text yet. Upload the PDF to read it here.'}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <form
          aria-label="Upload the PDF"
          className="flex items-center gap-2"
          action={(form) =>
            startTransition(async () => {
              const result = await upload(record.id, form);
              if (!result.ok) return setError(result.error);
              setError(null);
              setFullText({ hasFile: true, fileName: result.data.fileName, pageCount: result.data.pageCount, notRetrievable: false });
              setVersion((v) => v + 1);
            })
          }
        >
          <label htmlFor={`pdf-${record.id}`} className="sr-only">
            PDF file
          </label>
          <input id={`pdf-${record.id}`} name="file" type="file" accept="application/pdf" className="text-sm" />
          <button type="submit" className={secondaryButtonClass} disabled={isPending}>
            {isPending ? 'Uploading…' : fullText?.hasFile ? 'Replace PDF' : 'Upload PDF'}
          </button>
        </form>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={Boolean(fullText?.notRetrievable)}
            disabled={isPending}
            onChange={(e) => {
              const flag = e.target.checked;
              startTransition(async () => {
                const result = await setNotRetrievable(record.id, flag);
                if (!result.ok) return setError(result.error);
                setError(null);
                setFullText((f) => ({ hasFile: f?.hasFile ?? false, fileName: f?.fileName ?? null, pageCount: f?.pageCount ?? null, notRetrievable: flag }));
              });
            }}
          />
          Report not retrievable
        </label>
        {fullText?.pageCount ? <span className="text-slate-500">{fullText.pageCount} pages</span> : null}
      </div>
    </section>
  );
}
