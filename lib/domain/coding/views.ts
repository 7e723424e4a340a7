/**
 * The plain shapes the coding pages receive (what the server's use-cases
 * return): codes, quotes, a study's workspace, the studies list, agreement.
 * Types only, shared by lib/server and the components.
 */
import type { CodeKind, CodePolarity } from './palette';
import type { SeedMeasure, StudySeedMeasure } from './seed-agreement';
import type { UnitKind } from './text-units';

export type FrameworkCellDto = {
  id: string;
  frameworkId: string;
  framework: string;
  domainId: string;
  domain: string;
  themeId: string | null;
  theme: string | null;
  levelId: string;
  level: string;
};

export type CodeDto = {
  id: string;
  parentId: string | null;
  name: string;
  description: string;
  kind: CodeKind;
  polarity: CodePolarity | null;
  color: string;
  position: number;
  quoteCount: number;
  frameworkCells: FrameworkCellDto[];
};

export type QuoteDto = {
  id: string;
  studyId: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  memo: string | null;
  flaggedReason: string | null;
  coderId: string;
  coderName: string;
  createdAt: string;
  codings: { id: string; codeId: string }[];
};

export type StudyDocumentDto = {
  id: string;
  version: number;
  source: 'pdf' | 'upload' | 'paste' | 'abstract';
  fileName: string | null;
  text: string;
  isFrozen: boolean;
  versions: number;
};
export type DoubleCodingDto = { firstCoder: { id: string; name: string }; secondCoder: { id: string; name: string }; isCompared: boolean };

export type StudyCodingView = {
  study: { id: string; title: string };
  document: StudyDocumentDto | null;
  quotes: QuoteDto[];
  flaggedQuotes: QuoteDto[];
  codes: CodeDto[];
  readingLine: number | null;
  doubleCoding: DoubleCodingDto | null;
  /** True when the caller sees only their own quotes on this study (double coding not yet compared). */
  isBlinded: boolean;
  hasPdfText: boolean;
  hasAbstract: boolean;
  me: string;
  canCode: boolean;
  canManage: boolean;
};

export type CodingStudyItem = {
  id: string;
  title: string;
  year: number | null;
  documentVersion: number | null;
  myQuotes: number;
  visibleQuotes: number;
  doubleCoding: { firstCoderId: string; secondCoderId: string; isCompared: boolean } | null;
  /** The caller is one of the two coders of this double-coded study. */
  isMyAssignment: boolean;
};
export type CodingStudyList = { studies: CodingStudyItem[]; coders: { id: string; name: string }[]; canCode: boolean; canManage: boolean };

export type CodingAgreementStudy = Omit<StudySeedMeasure, 'studyId'> & {
  studyId: string;
  studyTitle: string;
  firstCoder: { id: string; name: string };
  secondCoder: { id: string; name: string };
  compared: boolean;
};
export type CodeAgreement = {
  codeId: string;
  codeName: string;
  kappa: number | null;
  reason: string | null;
  percent: number | null;
  units: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
};
export type CodingAgreementReport = { unit: UnitKind; studies: CodingAgreementStudy[]; overall: SeedMeasure; perCode: CodeAgreement[]; hiddenStudies: number };

export type ComparisonRow = { index: number; start: number; end: number; text: string; codesA: string[]; codesB: string[] };
export type CodingComparison = {
  study: { id: string; title: string };
  unit: UnitKind;
  firstCoder: { id: string; name: string };
  secondCoder: { id: string; name: string };
  compared: boolean;
  seed: StudySeedMeasure;
  codes: { id: string; name: string; color: string }[];
  /** The units either coder coded, in text order, with each coder's codes. */
  rows: ComparisonRow[];
};

export type RetrievedQuote = QuoteDto & { studyTitle: string; codeNames: string[] };
export type CodeQuotes = { code: { id: string; name: string }; total: number; quotes: RetrievedQuote[] };
