/**
 * The stages of a review, in the order a team works through them. `isBuilt`
 * says whether Tandem has the stage yet: a stage not built says so plainly.
 */
export type StageSlug =
  | 'import'
  | 'references'
  | 'duplicates'
  | 'screening/title-abstract'
  | 'screening/full-text'
  | 'screening/progress'
  | 'conflicts'
  | 'extraction'
  | 'coding'
  | 'appraisal'
  | 'synthesis'
  | 'agreement'
  | 'prisma'
  | 'exports'
  | 'settings';

export type ReviewStage = { slug: StageSlug; label: string; description: string; isBuilt: boolean };

export const REVIEW_STAGES: readonly ReviewStage[] = [
  { slug: 'import', label: 'Import', description: 'Bring in search results from each database and remove duplicates.', isBuilt: true },
  { slug: 'references', label: 'References', description: 'Every imported record: search, sort and filter by source and status.', isBuilt: true },
  { slug: 'duplicates', label: 'Duplicates', description: 'Probable duplicates side by side: same work or not.', isBuilt: true },
  { slug: 'screening/title-abstract', label: 'Title/abstract screening', description: 'Two reviewers judge each record on its title and abstract, blind to each other.', isBuilt: true },
  { slug: 'screening/full-text', label: 'Full-text screening', description: 'Records that passed are read in full; exclusions name a reason.', isBuilt: true },
  { slug: 'screening/progress', label: 'Screening progress', description: 'Includes found as screening goes on, and an estimate of how many relevant records are left.', isBuilt: true },
  { slug: 'conflicts', label: 'Conflicts', description: 'A lead settles the records on which reviewers disagree.', isBuilt: true },
  { slug: 'extraction', label: 'Extraction', description: 'Study characteristics on a shared form, extracted twice and reconciled.', isBuilt: true },
  { slug: 'coding', label: 'Coding', description: 'Line-by-line coding of the included studies into a living codebook.', isBuilt: true },
  { slug: 'appraisal', label: 'Appraisal', description: 'JBI critical appraisal and GRADE-CERQual confidence per finding.', isBuilt: true },
  { slug: 'synthesis', label: 'Synthesis', description: 'Codes mapped onto a framework matrix of domains and levels.', isBuilt: true },
  { slug: 'agreement', label: 'Agreement', description: "Inter-rater agreement (Cohen's kappa and more) for screening and coding.", isBuilt: true },
  { slug: 'prisma', label: 'PRISMA', description: 'The PRISMA 2020 flow diagram, counted from the data.', isBuilt: true },
  { slug: 'exports', label: 'Exports', description: 'Every table and file of the review: references, votes, coded quotes, appraisal, agreement, REFI-QDA.', isBuilt: true },
  { slug: 'settings', label: 'Settings', description: 'Project details and members.', isBuilt: true },
];

export function findStage(slug: string): ReviewStage | undefined {
  return REVIEW_STAGES.find((s) => s.slug === slug);
}
