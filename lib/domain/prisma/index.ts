export type {
  PrismaCheck,
  PrismaCountField,
  PrismaCounts,
  PrismaOtherMethod,
  PrismaReasonCount,
  PrismaReportFlow,
  PrismaSnapshot,
  PrismaSource,
  PrismaSourceKind,
} from './types';
export { PRISMA_COUNT_FIELDS, PRISMA_LIST_FIELDS } from './types';
export {
  computePrismaCounts,
  formatPrismaList,
  parsePrismaList,
  sanitizePrismaListName,
  sumPrismaList,
} from './counts';
export type { PrismaListEntry } from './counts';
export { checkPrismaArithmetic } from './checks';
export { PRISMA_CSV_COLUMNS, PRISMA_CSV_DATA_FIELDS, prismaCsv } from './csv';
export { prismaSvg } from './svg';
export type { PrismaSvgOptions } from './svg';
export { escapeXml, formatCount } from './svg-text';
