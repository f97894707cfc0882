import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  DAY_KINDS,
  HM,
  HM_END,
  hmToMinutes,
  isValidIsoDate,
  type CalendarException,
  type TimeRange,
  type WeeklySchedule,
} from './types';

/**
 * The schemas of the working-time data, for what comes from outside: files, settings, the CLI. Kept apart
 * from the types so that code handed data already checked (the renderer, with the core's answers) does not
 * load the validation library.
 */

export const TimeRangeSchema = z
  .object({
    start: z.string().regex(HM, "start must be 'HH:mm' (00:00–23:59)"),
    end: z.string().regex(HM_END, "end must be 'HH:mm' (00:01–24:00)"),
  })
  .refine((r) => !HM.test(r.start) || !HM_END.test(r.end) || hmToMinutes(r.end) > hmToMinutes(r.start), {
    message: 'end must be after start (a range cannot cross midnight: split it into two days)',
    path: ['end'],
  }) satisfies z.ZodType<TimeRange>;

/** Ranges of one day: each valid, and together non-overlapping (touching is allowed). */
const DayRangesSchema = z.array(TimeRangeSchema).superRefine((ranges, ctx) => {
  const sorted = ranges
    .map((r) => [hmToMinutes(r.start), hmToMinutes(r.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && cur[0] < prev[1]) {
      ctx.addIssue({ code: 'custom', message: 'time ranges of a day must not overlap' });
      return;
    }
  }
});

export const ZoneSchema = z
  .string()
  .min(1)
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'unknown IANA time zone' });

export const WeeklyScheduleSchema = z
  .object({
    zone: ZoneSchema,
    days: z.object({
      1: DayRangesSchema,
      2: DayRangesSchema,
      3: DayRangesSchema,
      4: DayRangesSchema,
      5: DayRangesSchema,
      6: DayRangesSchema,
      7: DayRangesSchema,
    }),
    shortenedDayCutMinutes: z.number().int().min(0).max(1440).default(60),
  })
  .refine((s) => Object.values(s.days).some((ranges) => ranges.length > 0), {
    message: 'the schedule has no working time in the week',
    path: ['days'],
  }) satisfies z.ZodType<WeeklySchedule, unknown>;

export const CalendarExceptionSchema = z.object({
  date: z.string().refine(isValidIsoDate, { message: "date must be a real 'YYYY-MM-DD' date" }),
  kind: z.enum(DAY_KINDS),
  title: z.string().optional(),
  transferredFrom: z
    .string()
    .refine(isValidIsoDate, { message: "transferredFrom must be a real 'YYYY-MM-DD' date" })
    .optional(),
  hours: DayRangesSchema.optional(),
}) satisfies z.ZodType<CalendarException>;
