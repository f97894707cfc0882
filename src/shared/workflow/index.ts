/**
 * The incident workflow as a pure state machine (issue #4): `decide` checks a command against the state, the
 * regulation profile, the actor and the department directory, and yields events; `evolve` folds them. Shared
 * by the workstation and the sync hub; no Node, DOM or SQL.
 *
 * Decisions (the regulations leave these open):
 * - One event per accepted command; events carry the new version, so the log replays without the profile.
 * - Roles gate commands, the directory gates departments (`ROLE_COMMANDS`, `directory.ts`). The admin performs
 *   no workflow step: the audit must name who really acted. The wall issues nothing.
 * - МЦУ approval levels (`controller`, `mcu`, `cur`…) are decided by controllers and the supervisor, who record
 *   the decision of a body outside the product (ЦУР, Ставрополь p.13); a level whose role is `department` or
 *   `department-head` is decided by the main department's head.
 * - A returned message is not routed back to the department that returned it (Ухта p.9), except by the
 *   supervisor. Re-routing is possible until the department starts writing.
 * - A postponement follows an interim answer (Новороссийск p.9) and needs the author informed.
 * - Only a final answer follows an interim one; nothing is closed without answer after an interim answer.
 * - Terminal: `published` accepts nothing; `closed-no-answer` and `closed-repeat` accept only `reopen` by the
 *   supervisor (back to `new`, classification kept).
 * - Deadlines are measured, not enforced: a late step is accepted and the incident clock shows it late.
 */
export { allowedCommands, type AllowedOptions } from './allowed';
export { toClockEvents } from './clock-events';
export {
  COMMAND_TYPES,
  CommandSchema,
  CommandTypeSchema,
  RoutingInputSchema,
  type Command,
  type CommandOf,
  type CommandType,
  type RoutingInput,
} from './commands';
export { decide, type DecideContext, type Decision } from './decide';
export {
  DepartmentDirectorySchema,
  DirectoryDepartmentSchema,
  SubstitutionSchema,
  actsForDepartment,
  departmentAccess,
  findDepartment,
  type DepartmentDirectory,
  type DirectoryDepartment,
  type Substitution,
} from './directory';
export { WorkflowEventSchema, type EventOf, type WorkflowEvent, type WorkflowEventType } from './events';
export { WorkflowReplayError, evolve, replay } from './evolve';
export {
  ANSWER_KIND_LABEL,
  CLOSE_REASON_LABEL,
  COMMAND_LABEL,
  EVENT_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
} from './labels';
export { COMMAND_STATUSES, DEPARTMENT_LEVEL_ROLES, ROLE_COMMANDS, levelDeciders } from './policy';
export { REJECT_CODES, RejectReasonSchema, type RejectCode, type RejectReason } from './reasons';
export {
  ActorSchema,
  HUB_JOINERS,
  ORGANISATION_EDITORS,
  ROLES,
  RoleSchema,
  type Actor,
  type Role,
} from './roles';
export {
  AFTER_INTERIM_STATUSES,
  AnswerKindSchema,
  CLOSE_REASONS,
  CloseReasonSchema,
  IncidentWorkflowStateSchema,
  OPEN_STATUSES,
  TERMINAL_STATUSES,
  WORKFLOW_STATUSES,
  WorkflowStatusSchema,
  initialWorkflowState,
  isTerminal,
  workflowStateSchemaFor,
  type AnswerKind,
  type Classification,
  type CloseReason,
  type Draft,
  type IncidentWorkflowState,
  type NewIncidentInput,
  type Part,
  type PublishedAnswer,
  type Remarks,
  type RepeatLink,
  type Routing,
  type StateOf,
  type WorkflowStatus,
} from './state';
