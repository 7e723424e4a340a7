/** Only same-site paths may be redirect targets after sign-in (no open redirects). */
export function safeRedirectPath(candidate: string | null | undefined, fallback = '/projects'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  return candidate;
}
