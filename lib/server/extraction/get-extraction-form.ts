import 'server-only';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { extractorsPerStudyOf } from '@/lib/validation/extraction';
import { listVersions, loadCurrentForm, type VersionDto } from './extraction-store';

export type ExtractionFormView = {
  form: { id: string; name: string } | null;
  current: VersionDto | null;
  versions: (Omit<VersionDto, 'fields'> & { fieldCount: number })[];
  extractorsPerStudy: number;
};

/** The project's extraction form: its current version's fields and the list of versions (every member). */
export async function getExtractionForm(actor: Actor, projectId: string): Promise<ExtractionFormView> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  const [{ form, current }, versions, settings] = await Promise.all([
    loadCurrentForm(db, projectId),
    listVersions(db, projectId),
    loadProjectSettings(db, projectId),
  ]);
  return {
    form,
    current,
    versions: versions.map(({ fields, ...v }) => ({ ...v, fieldCount: fields.length })),
    extractorsPerStudy: extractorsPerStudyOf(settings),
  };
}

