import type { Metadata } from 'next';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { getProject } from '@/lib/server/projects/get-project';
import { canSeeScreeningOutcomes } from '@/lib/server/screening/can-see-outcomes';
import { listFrameworks } from '@/lib/server/synthesis/list-frameworks';

export const metadata: Metadata = { title: 'Exports' };

type Download = { label: string; href: string };
type Group = { title: string; description: string; downloads: Download[]; unavailable?: string };

export default async function ExportsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireSessionActor();
  const [project, frameworks] = await Promise.all([getProject(actor, projectId), listFrameworks(actor, projectId)]);
  const seesOutcomes = canSeeScreeningOutcomes(project.role, project.settings.blindScreening);
  const blind = 'Shown to leads and viewers while blind screening is on: it would tell you how your co-reviewers voted.';
  const api = `/api/v1/projects/${projectId}`;
  const exp = (kind: string, query: string) => `${api}/exports/${kind}?${query}`;
  const groups: Group[] = [
    {
      title: 'References',
      description: 'Every imported record (duplicates included) as RIS for a reference manager; CSV and XLSX add each record’s state at both stages, every vote with its reason and note, and resolutions.',
      downloads: [
        { label: 'All references (RIS)', href: exp('references', 'format=ris') },
        ...(seesOutcomes
          ? [
              { label: 'Included studies (RIS)', href: exp('references', 'format=ris&state=studies') },
              { label: 'All with votes (CSV)', href: exp('references', 'format=csv') },
              { label: 'All with votes (XLSX)', href: exp('references', 'format=xlsx') },
              { label: 'Excluded (XLSX)', href: exp('references', 'format=xlsx&state=excluded') },
              { label: 'In conflict (XLSX)', href: exp('references', 'format=xlsx&state=conflict') },
            ]
          : []),
      ],
      unavailable: seesOutcomes ? undefined : `Files with states and votes: ${blind}`,
    },
    {
      title: 'Voting history',
      description: 'Every vote cast, changed or withdrawn and every resolution, who and when, in time order.',
      downloads: seesOutcomes ? [{ label: 'CSV', href: exp('votes', 'format=csv') }, { label: 'XLSX', href: exp('votes', 'format=xlsx') }] : [],
      unavailable: seesOutcomes ? undefined : blind,
    },
    {
      title: 'Agreement report',
      description: 'Inter-rater agreement of screening, one statistic per line.',
      downloads: seesOutcomes
        ? [
            { label: 'Title/abstract (CSV)', href: `${api}/agreement/export?stage=title_abstract` },
            { label: 'Full text (CSV)', href: `${api}/agreement/export?stage=full_text` },
          ]
        : [],
      unavailable: seesOutcomes ? undefined : blind,
    },
    {
      title: 'PRISMA 2020',
      description: 'The flow diagram counts (PRISMA2020 R package template) and the diagram.',
      downloads: seesOutcomes ? [{ label: 'CSV', href: `${api}/prisma?format=csv` }, { label: 'SVG', href: `${api}/prisma?format=svg` }] : [],
      unavailable: seesOutcomes ? undefined : blind,
    },
    {
      title: 'Extraction table',
      description: 'Characteristics of included studies from the final extractions.',
      downloads: [{ label: 'CSV', href: `${api}/extraction/table?format=csv` }, { label: 'XLSX', href: `${api}/extraction/table?format=xlsx` }],
    },
    {
      title: 'Coded quotes',
      description: 'Every coding: study, coder, code with its path in the codebook and polarity, quote, memo and offsets.',
      downloads: [{ label: 'CSV', href: exp('quotes', 'format=csv') }, { label: 'XLSX', href: exp('quotes', 'format=xlsx') }],
    },
    {
      title: 'REFI-QDA project',
      description: 'The coding as a .qdpx project (codebook, study texts, quotes, codings, memos) for QualCoder, NVivo, ATLAS.ti or MAXQDA.',
      downloads: [{ label: 'QDPX', href: exp('qdpx', 'format=qdpx') }],
    },
    {
      title: 'Critical appraisal',
      description: 'Per study: the consensus answers, verdict and score (leads and viewers also get each appraiser’s), and the summary by question.',
      downloads: [{ label: 'XLSX', href: exp('appraisals', 'format=xlsx') }, { label: 'DOCX', href: exp('appraisals', 'format=docx') }, { label: 'CSV', href: exp('appraisals', 'format=csv') }],
    },
    {
      title: 'GRADE-CERQual',
      description: 'The Summary of Qualitative Findings table and the evidence profile.',
      downloads: [{ label: 'DOCX', href: `${api}/cerqual?format=docx` }, { label: 'XLSX', href: `${api}/cerqual?format=xlsx` }, { label: 'CSV', href: `${api}/cerqual?format=csv` }],
    },
    ...frameworks.map((f) => ({
      title: `Framework matrix: ${f.name}`,
      description: 'Studies per theme and level with barriers and facilitators, and the cell statements.',
      downloads: [
        { label: 'XLSX', href: `${api}/frameworks/${f.id}/matrix?format=xlsx` },
        { label: 'DOCX', href: `${api}/frameworks/${f.id}/matrix?format=docx` },
        { label: 'CSV', href: `${api}/frameworks/${f.id}/matrix?format=csv` },
      ],
    })),
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Exports</h1>
        <p className="max-w-3xl text-sm text-slate-700">Every table and file of the review, made from the data when you download it. The same files come from the API with a token.</p>
      </header>
      <ul className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => (
          <li key={g.title} className={cardClass}>
            <h2 className="text-lg font-semibold">{g.title}</h2>
            <p className="mt-1 text-sm text-slate-700">{g.description}</p>
            {g.downloads.length ? (
              <ul className="mt-3 flex flex-wrap gap-2" aria-label={`${g.title} downloads`}>
                {g.downloads.map((d) => (
                  <li key={d.href}>
                    <a className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100" href={d.href} download>
                      {d.label}
                      <span className="sr-only"> ({g.title})</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {g.unavailable ? <p className="mt-2 text-xs text-slate-600">{g.unavailable}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
