import type { FrameworkMatrix, Polarity } from '@/lib/domain/synthesis/matrix';
import type { ActionResult } from '@/lib/validation/action-result';

/** The shapes the synthesis pages receive from the server (structurally the use-cases' DTOs). */
export type FrameworkView = {
  id: string;
  presetKey: string | null;
  name: string;
  source: string;
  description: string;
  levels: { id: string; key: string; label: string }[];
  domains: { id: string; key: string; label: string; themes: { id: string; label: string }[] }[];
};
export type CodeView = { id: string; parentId: string | null; name: string; polarity: Polarity | null; kind: string; color: string };
export type MappingView = { codeId: string; domainId: string; themeId: string | null; levelId: string };
export type StatementView = { domainId: string; themeId: string | null; levelId: string; summary: string; recommendation: string };
export type CellQuote = { id: string; studyId: string; study: string; coder: string; text: string; memo: string | null; codes: { id: string; name: string; polarity: Polarity | null }[] };
export type Cell = { domainId: string; themeId: string | null; levelId: string };
export type { FrameworkMatrix, ActionResult };
