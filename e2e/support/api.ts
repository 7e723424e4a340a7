import { expect, type APIRequestContext } from '@playwright/test';

/** Same-origin JSON calls with the page's session cookie (writes need an Origin, like a browser sends). */
export function apiClient(request: APIRequestContext, baseURL: string) {
  const headers = { origin: baseURL };
  return {
    async get(path: string) {
      const res = await request.get(path, { headers });
      return { status: res.status(), body: res.status() === 204 ? null : await res.json() };
    },
    async post(path: string, data: unknown) {
      const res = await request.post(path, { headers, data });
      return { status: res.status(), body: await res.json().catch(() => null) };
    },
    /** Import an RIS text as a source and wait for the import job to finish. */
    async importRis(projectId: string, fileName: string, ris: string) {
      const res = await request.post(`/api/v1/projects/${projectId}/imports`, {
        headers,
        multipart: { source: 'Medline', file: { name: fileName, mimeType: 'application/x-research-info-systems', buffer: Buffer.from(ris) } },
      });
      expect(res.status(), await res.text()).toBe(202);
      const { jobId } = await res.json();
      await expect
        .poll(async () => (await (await request.get(`/api/v1/projects/${projectId}/imports/${jobId}`, { headers })).json()).status, { timeout: 30_000 })
        .toBe('succeeded');
    },
  };
}

/** N distinct, clearly different records as RIS. */
export function risRecords(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) =>
    [
      'TY  - JOUR',
      `TI  - ${prefix} study ${i + 1} of digital therapy number ${1000 + i * 37}`,
      `AU  - Author${i}, A.`,
      `PY  - ${2010 + (i % 12)}`,
      `JO  - Journal ${String.fromCharCode(65 + i)}`,
      `VL  - ${i + 1}`,
      `SP  - ${i * 10 + 1}-${i * 10 + 9}`,
      `AB  - Abstract ${i + 1}: participants used an app for ${i + 2} weeks.`,
      'ER  - ',
    ].join('\n'),
  ).join('\n\n');
}
