import 'server-only';

/**
 * Every `code` on an error and its causes (drizzle wraps driver errors in
 * `cause`; a failed connect may be an AggregateError with `errors`), outermost first.
 */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const code = (error as { code?: unknown }).code;
  const nested = (error as { errors?: unknown }).errors;
  return [
    ...(typeof code === 'string' ? [code] : []),
    ...(Array.isArray(nested) ? nested.flatMap((e) => errorCodes(e, depth + 1)) : []),
    ...errorCodes((error as { cause?: unknown }).cause, depth + 1),
  ];
}

/** The PostgreSQL SQLSTATE behind an error (five characters with a digit, e.g. 23505, 57P01), or null. */
export function sqlState(error: unknown): string | null {
  return errorCodes(error).find((code) => /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code)) ?? null;
}
