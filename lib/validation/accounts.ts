import { z } from 'zod';

/** Password policy: long enough to resist guessing, short enough for argon2's input. */
export const ZPassword = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), 'Mix letters with digits or symbols.');

export const ZEmail = z
  .email('Enter a valid email address.')
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const ZSignUp = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  email: ZEmail,
  password: ZPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1, 'Name the token.').max(80),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;
