import 'server-only';
import { references } from '@/db/schema';

/** What a reviewer sees of a record: its bibliographic fields, never its raw import record. */
export type ScreeningRecord = {
  id: string;
  title: string | null;
  abstract: string | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  keywords: string[];
  url: string | null;
  type: string | null;
};

export const screeningRecordColumns = {
  id: references.id,
  title: references.title,
  abstract: references.abstract,
  authors: references.authors,
  year: references.year,
  journal: references.journal,
  volume: references.volume,
  issue: references.issue,
  pages: references.pages,
  doi: references.doi,
  pmid: references.pmid,
  keywords: references.keywords,
  url: references.url,
  type: references.type,
};
