import { assertNever } from '../assert';
import {
  evolve,
  initialWorkflowState,
  WorkflowReplayError,
  type IncidentWorkflowState,
  type WorkflowEvent,
} from '../workflow';
import { DOC_FIELDS, type DocField, type IncidentDoc } from './payloads';

/**
 * One incident as every replica holds it: the document with a last-writer-wins clock per field, and the
 * workflow state folded from the events the hub accepted. The hub and the workstations run this same
 * reducer over the same hub-ordered log, so they reach the same replica (the convergence property test).
 */
export type Clocks = Partial<Record<DocField, string>>;
export type IncidentReplica = { doc: IncidentDoc; clocks: Clocks; workflow: IncidentWorkflowState | null };

/** What the reducer needs of an op: kind, the (hub-capped) HLC and the parsed payload. */
export type IncidentChange =
  | { kind: 'incident.create'; hlc: string; doc: IncidentDoc }
  | { kind: 'incident.update'; hlc: string; fields: Partial<IncidentDoc> }
  | { kind: 'workflow.command'; hlc: string; events: readonly WorkflowEvent[] };

export type ApplyOutcome =
  | { kind: 'applied'; replica: IncidentReplica }
  /** The change needs an incident this replica does not hold (an update before its create). */
  | { kind: 'missing' }
  /** The workflow events do not follow the state (another command came first): the command lost. */
  | { kind: 'workflow-mismatch'; replica: IncidentReplica; message: string };

function mergeFields(replica: IncidentReplica, fields: Partial<IncidentDoc>, hlc: string): IncidentReplica {
  let doc = replica.doc;
  let clocks = replica.clocks;
  for (const field of DOC_FIELDS) {
    if (!Object.hasOwn(fields, field)) continue;
    const seen = clocks[field];
    // Ties are the same op applied twice (HLCs carry the node): idempotent either way.
    if (seen !== undefined && seen >= hlc) continue;
    if (doc === replica.doc) doc = { ...doc };
    if (clocks === replica.clocks) clocks = { ...clocks };
    (doc as Record<string, unknown>)[field] = fields[field];
    clocks[field] = hlc;
  }
  return doc === replica.doc ? replica : { ...replica, doc, clocks };
}

/**
 * The workflow state of an incident that has had no command yet, derived from its fields exactly as the
 * workstation derives it (`stateFromRow` in src/main/db/workflow.ts): the hub must decide on the same state
 * the issuer saw.
 */
export function workflowOf(replica: IncidentReplica): IncidentWorkflowState {
  if (replica.workflow) return replica.workflow;
  const { doc } = replica;
  const base = initialWorkflowState({
    incidentId: doc.id,
    importance: doc.importance === 'high' ? 'high' : 'normal',
    classification:
      doc.topic.trim() && doc.location.trim() ? { topic: doc.topic, location: doc.location } : null,
  });
  if (doc.status === 'routed' && doc.departmentId) {
    return {
      ...base,
      status: 'routed',
      routing: { mainDepartmentId: doc.departmentId, coDepartmentIds: [] },
      parts: [],
    };
  }
  return base;
}

/**
 * Applies one change to an incident replica (pure). Hub-confirmed changes skip workflow events already
 * folded (idempotent); a workstation's still-pending command is `strict`: its events must follow the state
 * exactly, or another command came first and this one will be refused.
 */
export function applyIncidentChange(
  current: IncidentReplica | null,
  change: IncidentChange,
  options: { strict?: boolean } = {},
): ApplyOutcome {
  switch (change.kind) {
    case 'incident.create': {
      if (!current) {
        const clocks: Clocks = {};
        for (const f of DOC_FIELDS) clocks[f] = change.hlc;
        return { kind: 'applied', replica: { doc: { ...change.doc }, clocks, workflow: null } };
      }
      const { id: _id, ...fields } = change.doc;
      return { kind: 'applied', replica: mergeFields(current, fields, change.hlc) };
    }
    case 'incident.update':
      if (!current) return { kind: 'missing' };
      return { kind: 'applied', replica: mergeFields(current, change.fields, change.hlc) };
    case 'workflow.command': {
      if (!current) return { kind: 'missing' };
      let state = workflowOf(current);
      for (const event of change.events) {
        // Already folded (a snapshot taken after this op, or the op applied twice).
        if (event.version <= state.version && !options.strict) continue;
        try {
          state = evolve(state, event);
        } catch (e) {
          if (e instanceof WorkflowReplayError) {
            return { kind: 'workflow-mismatch', replica: current, message: e.message };
          }
          throw e;
        }
      }
      return { kind: 'applied', replica: { ...current, workflow: state } };
    }
    default:
      return assertNever(change);
  }
}

/**
 * What the incident looks like to the user: the document, with the status, version, importance, routing
 * and classification of its workflow state (as `writeWorkflowState` in src/main/db/workflow.ts stores them).
 */
export function visibleIncident(replica: IncidentReplica): IncidentDoc {
  const { doc, workflow } = replica;
  if (!workflow) return doc;
  return {
    ...doc,
    status: workflow.status,
    version: workflow.version,
    importance: workflow.importance,
    departmentId: 'routing' in workflow ? workflow.routing.mainDepartmentId : null,
    ...(workflow.classification
      ? { topic: workflow.classification.topic, location: workflow.classification.location }
      : {}),
  };
}

/** Departments an incident concerns (its executor and co-executors): who may see it in a scoped pull. */
export function departmentsOf(replica: IncidentReplica): string[] {
  const set = new Set<string>();
  if (replica.doc.departmentId) set.add(replica.doc.departmentId);
  const w = replica.workflow;
  if (w && 'routing' in w) {
    set.add(w.routing.mainDepartmentId);
    for (const d of w.routing.coDepartmentIds) set.add(d);
  }
  return [...set].sort();
}
