/**
 * Reports and analytics (issue #8): the monthly report to the head, computed from plain data (incidents, their
 * workflow logs, audit rows, the regulation profile and the working calendar), and the hot-spot rule.
 */
export { analyseIncident, type AnalyseContext, type FinalOutcome, type IncidentFacts } from './analyse';
export { figuresOf } from './figures';
export { completedBy, holderAt, type Directory } from './holder';
export {
  DEFAULT_HOTSPOT_RULE,
  HotspotDimensionSchema,
  HotspotRowSchema,
  HotspotRuleSchema,
  compareHotspots,
  detectHotspots,
  judgeSeries,
  mad,
  median,
  surgesDuring,
  type HotspotDimension,
  type HotspotRow,
  type HotspotRule,
  type Signal,
} from './hotspots';
export {
  REACTION_ACTION,
  ReactionAuditAfterSchema,
  type MonthlyInput,
  type ReportAuditRow,
  type ReportDepartment,
  type ReportIncident,
  type ReportUser,
} from './input';
export {
  CRITERION_SHORT_LABEL,
  FIGURE_LABEL,
  NO_DEPARTMENT,
  REACTION_LABEL,
  TOTAL_LABEL,
  type FigureKey,
} from './labels';
export { districtOf, NO_PLACE, placeOf } from './locations';
export {
  MonthSchema,
  dayLabel,
  inMonthLabel,
  monthBounds,
  monthLabel,
  monthOf,
  nextMonth,
  previousMonth,
  type Month,
} from './month';
export { buildMonthlyReport } from './monthly';
export {
  ProducedMonthsSchema,
  REPORT_DUE_CLAUSE,
  REPORT_DUE_DAY,
  ReportReminderSchema,
  reportDeadline,
  reportReminder,
  type ProducedMonths,
  type ReportReminder,
} from './reminder';
export * from './schema';
