/** The typed result of every server action: expected failures are returned, not thrown. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; /** The AppError code, when the failure has one. */ code?: string };

/** A form's state before its first submission. */
export const INITIAL_ACTION_STATE = null;
export type FormState<T = null> = ActionResult<T> | null;
