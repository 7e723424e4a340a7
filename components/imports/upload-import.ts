import type { TImportJobOut } from '@/lib/validation/imports';

type ApiErrorBody = { error?: { message?: string } };

/**
 * Send one file to the import API. XMLHttpRequest rather than fetch: it
 * reports upload progress, which a large export needs. Resolves with the
 * queued job's id, or rejects with the server's message (413, 422 ...).
 */
export function uploadImport(
  projectId: string,
  fields: { source: string; searchedOn: string; searchString: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // The text fields first: the server can refuse a bad request before storing the file.
    form.set('source', fields.source);
    if (fields.searchedOn) form.set('searchedOn', fields.searchedOn);
    if (fields.searchString) form.set('searchString', fields.searchString);
    form.set('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/projects/${projectId}/imports`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as ({ jobId?: string } & ApiErrorBody) | null;
      if (xhr.status === 202 && body?.jobId) resolve(body.jobId);
      else reject(new Error(body?.error?.message ?? `The upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the connection to the server was lost.'));
    xhr.send(form);
  });
}

/** The import job's current status. */
export async function fetchImportJob(projectId: string, jobId: string): Promise<TImportJobOut> {
  const response = await fetch(`/api/v1/projects/${projectId}/imports/${jobId}`, { cache: 'no-store' });
  const body = (await response.json()) as TImportJobOut & ApiErrorBody;
  if (!response.ok) throw new Error(body.error?.message ?? `Could not read the import's status (HTTP ${response.status}).`);
  return body;
}
