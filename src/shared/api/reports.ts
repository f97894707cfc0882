import { z } from 'zod';
import {
  HotspotRowSchema,
  HotspotRuleSchema,
  MonthlyReportSchema,
  MonthSchema,
  ReactionSchema,
  ReportReminderSchema,
} from '../reports';

export const ReportFormatSchema = z.enum(['xlsx', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const HotspotsView = z.object({
  asOf: z.number(),
  rule: HotspotRuleSchema,
  topics: z.array(HotspotRowSchema),
  places: z.array(HotspotRowSchema),
});
export type HotspotsView = z.infer<typeof HotspotsView>;

export const ReportExportResult = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The folder's file, when a folder was given. */
  path: z.string().nullable(),
  /** The file for download (base64), when no folder was given. */
  bytesBase64: z.string().nullable(),
  producedAt: z.number(),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;

const MonthRequest = z
  .object({
    month: MonthSchema,
    /** Another regulation profile than the active one (the organisation's). */
    profileId: z.string().min(1).optional(),
  })
  .strict();

/**
 * Reports and analytics (issue #8). Reads end in a read verb, so that the wall screen (a read-only connection)
 * may show the hot spots; exporting marks the month's report as produced, which stops the reminder.
 */
export const reportsMethods = {
  'reports.monthly.get': { request: MonthRequest, response: MonthlyReportSchema },
  'reports.hotspots.get': { request: z.object({}).strict(), response: HotspotsView },
  'reports.reminder.status': { request: z.object({}).strict(), response: ReportReminderSchema },
  'reports.export': {
    request: MonthRequest.extend({
      format: ReportFormatSchema,
      /** An existing folder on the workstation (absolute path); without it the bytes come back for download. */
      folder: z.string().trim().min(1).max(4096).optional(),
    }).strict(),
    response: ReportExportResult,
  },
  /** An author's reaction to the answer, as МЦУ saw it (a comment, a like, a call): Сочи 2.4. */
  'reports.reaction.record': {
    request: z
      .object({
        incidentId: z.string().min(1),
        reaction: ReactionSchema,
        note: z.string().trim().max(2000).default(''),
      })
      .strict(),
    response: z.object({ recorded: z.literal(true) }),
  },
} as const;
