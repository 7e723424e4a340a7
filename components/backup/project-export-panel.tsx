import { secondaryButtonClass } from '@/components/ui/styles';

/** The owner's download of the whole project (a gzipped JSON file that `project:import` restores). */
export function ProjectExportPanel({ projectId }: { projectId: string }) {
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600">
        One file with everything in this review: references, votes, resolutions, full texts, studies and the audit log, and the members&apos;
        names and emails (no passwords). It holds every reviewer&apos;s votes, whatever the blinding: keep it safe. An administrator restores it as a
        new project with <code>npm run -s cli -- project:import FILE</code>.
      </p>
      <a className={secondaryButtonClass} href={`/api/v1/projects/${projectId}/export`} download data-testid="project-export">
        Download project export
      </a>
    </div>
  );
}
