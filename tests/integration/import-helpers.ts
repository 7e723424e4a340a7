/**
 * Helpers of the import tests: RIS text from plain records, an upload through
 * the same streaming path as the API route, and running the queued jobs.
 */
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/server/auth/actor';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { startImport } from '@/lib/server/imports/start-import';
import { drainJobs } from '@/lib/server/jobs/job-runner';

export type TestRecord = {
  title: string;
  authors?: string[];
  year?: number;
  journal?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  abstract?: string;
};

export function ris(records: TestRecord[]): string {
  return records
    .map((r) =>
      [
        'TY  - JOUR',
        `TI  - ${r.title}`,
        ...(r.authors ?? []).map((a) => `AU  - ${a}`),
        r.year ? `PY  - ${r.year}` : null,
        r.journal ? `JO  - ${r.journal}` : null,
        r.volume ? `VL  - ${r.volume}` : null,
        r.issue ? `IS  - ${r.issue}` : null,
        r.pages ? `SP  - ${r.pages}` : null,
        r.doi ? `DO  - ${r.doi}` : null,
        r.abstract ? `AB  - ${r.abstract}` : null,
        'ER  - ',
        '',
      ]
        .filter((line) => line !== null)
        .join('\n'),
    )
    .join('\n');
}

/** A distinct, complete journal article (n makes it unique). */
export function article(n: number, overrides: Partial<TestRecord> = {}): TestRecord {
  const words = ['anxiety', 'depression', 'telehealth', 'adolescents', 'workforce', 'stigma', 'engagement', 'clinicians', 'rural', 'apps'];
  return {
    title: `Study ${n} of ${words[n % 10]} and ${words[(n * 3 + 1) % 10]} in ${words[(n * 7 + 2) % 10]} care number ${n}`,
    authors: [`Author${n}, Ann`, `Writer${n}, Bob`],
    year: 2000 + (n % 24),
    journal: `Journal of Digital Health ${n % 5}`,
    volume: String(10 + n),
    issue: String(1 + (n % 4)),
    pages: `${100 + n}-${110 + n}`,
    doi: `10.1000/test.${n}`,
    abstract: `Background: record ${n} about digital mental health.`,
    ...overrides,
  };
}

/** Upload a file as a browser would (multipart), optionally arriving in small pieces to exercise the streaming parser. */
export async function upload(
  actor: Actor,
  projectId: string,
  content: string | Uint8Array,
  options: { source?: string; fileName?: string; searchedOn?: string; searchString?: string; pieceBytes?: number } = {},
): Promise<{ jobId: string }> {
  const form = new FormData();
  form.set('source', options.source ?? 'Medline');
  if (options.searchedOn) form.set('searchedOn', options.searchedOn);
  if (options.searchString) form.set('searchString', options.searchString);
  form.set('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], options.fileName ?? 'export.ris'));
  const request = new Request('http://localhost/upload', { method: 'POST', body: form });
  let body: ReadableStream<Uint8Array> = request.body!;
  if (options.pieceBytes) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const size = options.pieceBytes;
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
  }
  return startImport(actor, projectId, { contentType: request.headers.get('content-type'), contentLength: null, body });
}

/** Upload, run the queue, and return the import's final status. */
export async function importFile(actor: Actor, projectId: string, content: string | Uint8Array, options: Parameters<typeof upload>[3] = {}) {
  const { jobId } = await upload(actor, projectId, content, options);
  await drainJobs(getDb(), { heartbeatMs: 50, projectId });
  return getImportJob(actor, projectId, jobId);
}
