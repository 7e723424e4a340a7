/** Snapshots shared by the PRISMA unit tests (test support only; not exported from index.ts). */
import type { PrismaSnapshot } from './types';

/** A consistent new review: every arithmetic check holds. */
export function consistentSnapshot(): PrismaSnapshot {
  return {
    sources: [
      { kind: 'database', name: 'MEDLINE', recordsIdentified: 700 },
      { kind: 'database', name: 'Embase', recordsIdentified: 500 },
      { kind: 'database', name: 'MEDLINE', recordsIdentified: 100 },
      { kind: 'register', name: 'ClinicalTrials.gov', recordsIdentified: 40 },
      { kind: 'other', method: 'citation_searching', name: 'Backward citations', recordsIdentified: 12 },
      { kind: 'other', method: 'website', name: 'WHO IRIS', recordsIdentified: 3 },
    ],
    duplicatesRemoved: 300,
    removedByAutomation: 20,
    removedForOtherReasons: 20,
    titleAbstract: { recordsScreened: 1000, recordsExcluded: 880 },
    fullText: {
      reportsSought: 120,
      reportsNotRetrieved: 5,
      reportsAssessed: 115,
      reportsExcluded: [
        { reason: 'Wrong population', count: 40 },
        { reason: 'Wrong study design', count: 30 },
        { reason: 'Not in English', count: 15 },
      ],
    },
    otherMethods: {
      reportsSought: 15,
      reportsNotRetrieved: 2,
      reportsAssessed: 13,
      reportsExcluded: [{ reason: 'Wrong setting', count: 8 }],
    },
    included: { studies: 30, reports: 35 },
  };
}

/** A project with nothing in it yet. */
export function emptySnapshot(): PrismaSnapshot {
  return {
    sources: [],
    duplicatesRemoved: 0,
    titleAbstract: { recordsScreened: 0, recordsExcluded: 0 },
    fullText: { reportsSought: 0, reportsNotRetrieved: 0, reportsAssessed: 0, reportsExcluded: [] },
    included: { studies: 0, reports: 0 },
  };
}
