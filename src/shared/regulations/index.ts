/**
 * Regulation profiles (data) and the incident clock: a profile + a working calendar + an incident's log →
 * the deadline and state of every stage.
 */
export {
  ANCHOR_EVENTS,
  CRITERION_KEYS,
  OPTIONAL_STAGE_KINDS,
  REMOVE,
  RegulationProfileError,
  RegulationProfileSchema,
  STAGE_KINDS,
  deriveCustomProfile,
  formatPath,
  parseProfile,
  stageKind,
  type AnchorEvent,
  type ApprovalLevel,
  type Criterion,
  type CriterionKey,
  type ProfileIssue,
  type ProfileOverrides,
  type RegulationProfile,
  type Stage,
  type StageAnchor,
  type StageKind,
} from './profile';
export {
  computeIncidentClock,
  slaForDetection,
  type ClockEvent,
  type ClockInput,
  type ClockStage,
  type ClockImportance,
  type IncidentClock,
  type SlaStage,
  type StageState,
} from './clock';
export { addWorkingDays, signedWorkingMinutes, subtractWorkingMinutes } from './working';
