import { z } from 'zod';

/** Why a command was rejected: a stable code for programs, a Russian message for people. */
export const REJECT_CODES = [
  /** The payload does not match the command schema. */
  'invalid-command',
  /** The command names another person than the one signed in. */
  'actor-mismatch',
  /** The command names another incident. */
  'wrong-incident',
  /** The incident is no longer in the expected status or version. */
  'stale',
  /** The wall screen issues nothing. */
  'read-only',
  /** The role may not issue this command at all. */
  'role-forbidden',
  /** The incident is published or closed. */
  'terminal',
  /** The command does not apply in the current status. */
  'wrong-status',
  /** The incident is not routed to the actor's department. */
  'not-your-department',
  /** The actor may not decide at the current approval level. */
  'level-forbidden',
  'not-classified',
  'classification-incomplete',
  'department-unknown',
  'routing-invalid',
  'returned-by-same-department',
  'part-not-expected',
  'parts-missing',
  'text-required',
  'draft-empty',
  'interim-not-allowed',
  'reasons-required',
  'unknown-criterion',
  'url-invalid',
  'date-in-past',
  'author-not-informed',
  'answer-already-published',
  'self-repeat',
  'routing-required',
] as const;
export const RejectCodeSchema = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCodeSchema>;

export const RejectReasonSchema = z.strictObject({
  code: RejectCodeSchema,
  /** Russian: what happened and what to do. */
  message: z.string().min(1),
  /** The regulation clause behind the rule, when there is one. */
  clause: z.string().optional(),
});
export type RejectReason = z.infer<typeof RejectReasonSchema>;

export function reject(code: RejectCode, message: string, clause?: string): RejectReason {
  return clause === undefined ? { code, message } : { code, message, clause };
}
