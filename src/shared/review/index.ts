/**
 * The answer criteria engine: a regulation profile's criteria, each checked automatically where a machine
 * can (`pass`/`fail` with findings over the answer text) or left to a person (`manual` with a hint).
 */
export { createReviewer, ruleFor, type Reviewer } from './reviewer';
export {
  CRITERION_STATUSES,
  CriterionKeySchema,
  ReviewCaseSchema,
  type CriterionResult,
  type CriterionStatus,
  type Finding,
  type ReviewCase,
  type ReviewResult,
} from './types';
export { ReviewDataSchema, type ReviewData, type ReviewResources, type Stamp } from './resources';
export { readDawg, DawgFormatError, type Dawg } from './dawg';
