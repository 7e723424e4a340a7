import { defuseFormula, quoteCsvField } from '@/lib/domain/exporters/csv';
import { formatAnswer } from './format';
import type { AnswerSet, ExtractionField } from './types';

export type TableStudy = {
  studyId: string;
  /** "Smith et al. 2020" */
  label: string;
  title: string;
  /** The fields of the version the final answers were given against. */
  fields: readonly ExtractionField[];
  values: AnswerSet;
};

export type CharacteristicsTable = {
  columns: { key: string; label: string }[];
  rows: { studyId: string; cells: string[] }[];
};

/**
 * The characteristics-of-included-studies table: one row per study (first
 * author and year, title, then one column per field of the current form), each
 * cell formatted with the labels of the version its answer was given against.
 * A field the study's version did not have (or had with another type) is blank.
 */
export function buildCharacteristicsTable(currentFields: readonly ExtractionField[], studies: readonly TableStudy[]): CharacteristicsTable {
  const columns = [
    { key: 'study', label: 'Study' },
    { key: 'title', label: 'Title' },
    ...currentFields.map((f) => ({ key: f.id, label: f.type === 'number' && f.unit ? `${f.label} (${f.unit})` : f.label })),
  ];
  const rows = [...studies]
    .sort((a, b) => a.label.localeCompare(b.label) || a.title.localeCompare(b.title))
    .map((study) => ({
      studyId: study.studyId,
      cells: [
        study.label,
        study.title,
        ...currentFields.map((field) => {
          const own = study.fields.find((f) => f.id === field.id && f.type === field.type);
          return own ? formatAnswer(own, study.values[field.id]) : '';
        }),
      ],
    }));
  return { columns, rows };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: quoted when it holds a comma, quote or line break; formula-like text is defused. */
export function csvCell(text: string): string {
  // A leading = + - @ makes spreadsheets run the cell as a formula (CSV injection);
  // only a whole plain number ("-12", "-0.5") is left as it is.
  return quoteCsvField(PLAIN_NUMBER.test(text) ? text : defuseFormula(text));
}

/** The table as CSV (RFC 4180, CRLF line ends, header row first). */
export function characteristicsCsv(table: CharacteristicsTable): string {
  const lines = [table.columns.map((c) => csvCell(c.label)), ...table.rows.map((r) => r.cells.map(csvCell))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
