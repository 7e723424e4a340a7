/** "Doe 2020" (first author's family name and year), the way a synthesis table names a study. */
export function studyLabel(reference: { authors: readonly string[]; year: number | null; title: string | null }): string {
  const first = reference.authors[0]?.trim();
  const family = first ? (first.includes(',') ? first.split(',')[0] : first.split(/\s+/).slice(-1)[0]).trim() : '';
  const more = reference.authors.length > 2 ? ' et al.' : reference.authors.length === 2 ? ` & ${(reference.authors[1].includes(',') ? reference.authors[1].split(',')[0] : reference.authors[1].split(/\s+/).slice(-1)[0]).trim()}` : '';
  const who = family ? `${family}${more}` : (reference.title ?? 'Untitled').slice(0, 60);
  return reference.year ? `${who} ${reference.year}` : who;
}
