import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sources } from '@/db/schema';
import type { DedupRecord } from '@/lib/domain/dedup';
import { parseReferenceStream, type ReferenceWarning, type TextEncodingName } from '@/lib/domain/references';
import type { TImportSummary } from '@/lib/validation/imports';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import type { JobProgress } from '@/lib/server/jobs/job-types';
import { applyDeduplication } from './apply-deduplication';
import { decodeChunks } from './decode-chunks';
import { createReferenceWriter } from './insert-references';
import type { ImportJobPayload } from './import-payload';
import { toDedupRecord, toReferenceRow } from './reference-rows';
import { timeOrderedId } from './time-ordered-id';
import { readUploadChunks } from './upload-store';

/** Rows per INSERT (one JSON parameter of about 2 MB). */
const INSERT_BATCH = 1000;
const WARNINGS_KEPT = 200;

export type SaveImportInput = {
  projectId: string;
  actorId: string;
  jobId: string;
  payload: ImportJobPayload;
  report: (progress: JobProgress) => void;
  /** Called between batches; throws to abandon the import (e.g. the job's lease was lost). */
  checkpoint: () => void;
};

/**
 * One file's import, run inside one transaction (`tx`): the source row, its
 * references (inserted batch by batch as the stream is parsed, so memory
 * holds one batch plus the fields de-duplication compares), duplicates,
 * screening states and the audit event. A parse error thrown anywhere rolls
 * all of it back.
 */
export async function saveImport(tx: Db, input: SaveImportInput): Promise<TImportSummary> {
  const { projectId, payload } = input;
  const [source] = await tx
    .insert(sources)
    .values({
      projectId,
      databaseName: payload.databaseName,
      fileName: payload.fileName,
      format: 'unknown',
      searchedOn: payload.searchedOn,
      searchString: payload.searchString,
      importedBy: input.actorId,
    })
    .returning({ id: sources.id });

  let bytesRead = 0;
  let encoding: TextEncodingName = 'utf-8';
  let format = 'unknown';
  let withAbstract = 0;
  const warnings: ReferenceWarning[] = [];
  let warningCount = 0;
  const dedupRecords: DedupRecord[] = [];
  const writer = createReferenceWriter(tx, { projectId, sourceId: source.id });
  const chunks = (async function* () {
    for await (const chunk of readUploadChunks(tx, projectId, payload.uploadId)) {
      bytesRead += chunk.length;
      yield chunk;
    }
  })();

  for await (const batch of parseReferenceStream(decodeChunks(chunks, (e) => (encoding = e)))) {
    format = batch.format;
    warningCount += batch.warnings.length;
    for (const w of batch.warnings) if (warnings.length < WARNINGS_KEPT) warnings.push(w);
    const rows = batch.records.map((record) => toReferenceRow(record, { id: timeOrderedId(), projectId, sourceId: source.id }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH) await writer.write(rows.slice(i, i + INSERT_BATCH));
    for (const row of rows) {
      if (row.abstract) withAbstract += 1;
      dedupRecords.push(
        toDedupRecord({
          id: row.id!,
          title: row.title ?? null,
          authors: row.authors ?? [],
          year: row.year ?? null,
          journal: row.journal ?? null,
          volume: row.volume ?? null,
          issue: row.issue ?? null,
          pages: row.pages ?? null,
          doi: row.doi ?? null,
          pmid: row.pmid ?? null,
          type: row.type ?? null,
          hasAbstract: Boolean(row.abstract),
        }),
      );
    }
    input.report({ done: bytesRead, total: payload.byteSize, message: `Read ${dedupRecords.length.toLocaleString('en-GB')} records` });
    input.checkpoint();
  }

  await writer.flush();
  const records = dedupRecords.length;
  input.report({ done: payload.byteSize, total: payload.byteSize, message: `Finding duplicates among ${records.toLocaleString('en-GB')} records` });
  const duplicates = await applyDeduplication(tx, { projectId, sourceId: source.id, actorId: input.actorId, records: dedupRecords });
  input.checkpoint();

  await tx
    .update(sources)
    .set({ format, recordCount: records })
    .where(and(eq(sources.id, source.id), eq(sources.projectId, projectId)));
  const summary: TImportSummary = {
    sourceId: source.id,
    format,
    encoding,
    records,
    withAbstract,
    withoutAbstract: records - withAbstract,
    duplicates,
    kept: records - duplicates.autoMerged,
    warnings,
    warningCount,
  };
  await recordAuditEvent(tx, {
    projectId,
    actorId: input.actorId,
    action: 'references.import',
    entityType: 'source',
    entityId: source.id,
    after: {
      jobId: input.jobId,
      databaseName: payload.databaseName,
      fileName: payload.fileName,
      searchedOn: payload.searchedOn,
      ...summary,
      warnings: undefined,
    },
  });
  return summary;
}
