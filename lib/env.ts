/**
 * The only reader of process.env. Everything else imports `env`.
 * Parsed lazily so that `next build` and tests can set variables first.
 */
import { z } from 'zod';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('./.data'),
  AUTH_SECRET: z.string().min(16).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** How long a job's claim lasts without a heartbeat: a job whose server died is retried after this. */
  JOB_LEASE_SECONDS: z.coerce.number().min(2).max(3600).default(60),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that switch databases: forget the parsed environment. */
export function resetEnvCache(): void {
  cached = undefined;
}
