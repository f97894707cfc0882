import { z } from 'zod';

/** Error codes that cross a transport. Never a stack trace or an SQL message. */
export const ErrorCode = z.enum([
  'bad_request',
  'unknown_method',
  'not_found',
  'conflict',
  'forbidden',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({ code: ErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for an expected failure; the dispatcher turns it into `{ok:false,error}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
