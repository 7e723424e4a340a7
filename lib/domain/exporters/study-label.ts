/**
 * An author's family name: "Smith" from "Smith, Jane", "Jane Smith" and
 * MEDLINE's "Smith J" (a trailing initial or initials is not a family name).
 * Authors are "Family, Given" or "Given Family" strings as imported.
 */
export function familyName(author: string): string {
  const text = author.trim();
  if (text.includes(',')) return text.split(',')[0].trim();
  const parts = text.split(/\s+/);
  return parts.length > 1 && /^[A-Z]\.?$|^[A-Z]{1,3}$/.test(parts[parts.length - 1]) ? parts[0] : parts[parts.length - 1];
}

/** "Doe 2020" (first author's family name and year), the way a synthesis table names a study. */
export function studyLabel(reference: { authors: readonly string[]; year: number | null; title: string | null }): string {
  const first = reference.authors[0]?.trim();
  const family = first ? familyName(first) : '';
  const more = reference.authors.length > 2 ? ' et al.' : reference.authors.length === 2 ? ` & ${familyName(reference.authors[1])}` : '';
  const who = family ? `${family}${more}` : (reference.title ?? 'Untitled').slice(0, 60);
  return reference.year ? `${who} ${reference.year}` : who;
}
