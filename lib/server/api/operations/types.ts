import 'server-only';
import type { z } from 'zod';

export type ApiOperation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI path, with {param} placeholders. */
  path: string;
  summary: string;
  tag: string;
  /** A JSON request body's schema (or describe a multipart body in `requestContent`). */
  request?: z.ZodType;
  requestContent?: Record<string, unknown>;
  /** Query parameters, each a zod schema. */
  query?: Record<string, z.ZodType>;
  /** The success status and its body (none for 204). */
  success: { status: number; body?: z.ZodType; description: string; contentType?: string };
  /** The error statuses this operation can answer besides 401. */
  errors: number[];
  isPublic?: boolean;
};
