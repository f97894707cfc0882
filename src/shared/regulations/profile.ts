import { z } from 'zod';

/**
 * A regulation profile: one municipality's rules for answering social-network messages, as data
 * (`resources/regulations/*.json`). Every number carries the clause it comes from, so that a deadline on the
 * screen can always be traced back to the regulation that set it.
 */

/**
 * What a stage is, by its id. The clock knows how each kind starts, finishes and repeats; the profile only
 * says how long it takes, what it counts from and which clause sets it. Approval stages are `review` or
 * `review-1`, `review-2`… (one per timed approval level).
 *
 * Besides the canonical keys, three kinds exist because a seed times a step none of them covers:
 * `reroute` (Ухта p.9: a returned message is routed again within 1 h), `remarks` (Ставрополь p.15: remarks
 * go back to the executor within 10 min of receiving the draft) and `coexecutors-forward` (Ставрополь p.18:
 * 30 min to agree the co-executors' input and pass it to the main executor).
 */
export const STAGE_KINDS = [
  'classify',
  'route',
  'return-misrouted',
  'reroute',
  'coexecutors',
  'coexecutors-forward',
  'draft',
  'review',
  'remarks',
  'rework',
  'upload',
  'publish',
  'answer',
  'final-after-interim',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/**
 * Stages that happen only in some cases: a misrouted message, co-executors, remarks, an interim answer.
 * The clock shows them only once their case has arisen (see `clock.ts`).
 */
export const OPTIONAL_STAGE_KINDS: ReadonlySet<StageKind> = new Set<StageKind>([
  'return-misrouted',
  'reroute',
  'coexecutors',
  'coexecutors-forward',
  'remarks',
  'rework',
  'final-after-interim',
]);

const REVIEW_ID = /^review(?:-[1-9][0-9]*)?$/;

/** The kind of a stage id (`review-2` → `review`), or null for an id the clock does not know. */
export function stageKind(id: string): StageKind | null {
  if (REVIEW_ID.test(id)) return 'review';
  return (STAGE_KINDS as readonly string[]).includes(id) && id !== 'review' ? (id as StageKind) : null;
}

/** The canonical answer criteria; the review engine (`src/shared/review`) implements each key. */
export const CRITERION_KEYS = [
  'substance',
  'objects',
  'addressee',
  'deadline',
  'plain-language',
  'legal-references',
  'spelling',
  'internal-index',
  'redirect',
  'emotional',
  'accusations',
  'personal-data',
  'abbreviations',
  'evidence',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

/** Events a stage may count from (`{kind: 'event'}` anchors). */
export const ANCHOR_EVENTS = [
  'draft-sent',
  'approved',
  'returned',
  'returned-for-rework',
  'interim-published',
] as const;
export type AnchorEvent = (typeof ANCHOR_EVENTS)[number];

/** Where a clause comes from, e.g. 'Новороссийск p.9', or 'product default'. */
const Clause = z.string().trim().min(1, 'Укажите пункт регламента (clause)');
const Title = z.string().trim().min(1);
const Minutes = z.number().int().positive();
const Key = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Ключ: латинские строчные буквы, цифры и дефис');

const StageId = z.string().refine((id) => stageKind(id) !== null, {
  message: `Неизвестный этап; допустимы: ${STAGE_KINDS.join(', ')}, review-1, review-2…`,
});

export const StageAnchorSchema = z.discriminatedUnion('kind', [
  /** From the moment the message was detected (received). */
  z.strictObject({ kind: z.literal('detected') }),
  /** From the moment the message was routed to the department (the latest routing). */
  z.strictObject({ kind: z.literal('routed') }),
  /** From the moment an earlier stage was done. */
  z.strictObject({ kind: z.literal('stage-end'), stage: StageId }),
  /** `minutes` before the overall deadline: deadline = overall − minutes (working time). */
  z.strictObject({ kind: z.literal('before-deadline') }),
  /** From an event of the incident's log. */
  z.strictObject({ kind: z.literal('event'), event: z.enum(ANCHOR_EVENTS) }),
]);
export type StageAnchor = z.infer<typeof StageAnchorSchema>;

export const StageSchema = z.strictObject({
  id: StageId,
  /** Russian, shown to the user. */
  title: Title,
  /** Working minutes. Exactly one of `minutes` and `workingDays`. */
  minutes: Minutes.optional(),
  /** Working days: the same local time that many working days later (see `addWorkingDays`). */
  workingDays: z.number().int().positive().optional(),
  anchor: StageAnchorSchema,
  /** Halved for a high-importance incident (Новороссийск p.14). */
  halvedWhenHigh: z.boolean(),
  clause: Clause,
  /** For approval stages: the approval level whose decision ends the stage (an id in `approvalChain`). */
  level: Key.optional(),
  /** Russian: how the profile reads an unclear clause. */
  note: z.string().optional(),
});
export type Stage = z.infer<typeof StageSchema>;

export const ApprovalLevelSchema = z.strictObject({
  id: Key,
  title: Title,
  /** Who decides, in product terms: 'controller', 'mcu', 'cur'… */
  role: Key,
  /** Working minutes the regulation gives this level, or null when it sets none. */
  minutes: Minutes.nullable(),
  clause: Clause,
});
export type ApprovalLevel = z.infer<typeof ApprovalLevelSchema>;

export const CriterionSchema = z.strictObject({
  key: z.enum(CRITERION_KEYS),
  clause: Clause,
  /** Russian: the rule as the regulation states it. */
  title: Title,
});
export type Criterion = z.infer<typeof CriterionSchema>;

const ProfileObject = z.strictObject({
  id: Key,
  /** Russian, e.g. «Новороссийск — Порядок работы с сообщениями в соцсетях». */
  name: Title,
  /** The title of the regulation the profile is taken from. */
  source: Title,
  /** For a custom profile: the id of the profile it was derived from. */
  derivedFrom: Key.optional(),
  /** In the order the regulation sequences them; `stage-end` anchors point backwards only. */
  stages: z.array(StageSchema).min(1),
  highImportance: z.strictObject({
    /** The overall answer period for a high-importance incident, or null when it is the normal one. */
    answerMinutes: Minutes.nullable(),
    /** Stages halved for a high-importance incident: the ones marked `halvedWhenHigh`, or a list of ids. */
    halveStages: z.union([z.literal('all-marked'), z.array(StageId)]),
    clause: Clause,
    /** Russian: what the regulation says about important incidents. */
    note: z.string().optional(),
  }),
  interimToFinal: z.strictObject({
    workingDays: z.number().int().positive(),
    /** What falls due: the final answer itself, or the final draft sent for approval. */
    due: z.enum(['final-answer', 'final-draft']),
    clause: Clause,
  }),
  approvalChain: z.array(ApprovalLevelSchema).min(1),
  criteria: z.array(CriterionSchema),
  thresholds: z.strictObject({
    /** A stage with this fraction of its working time left (or less) is in 'warning'. */
    warningFraction: z.number().gt(0).lt(1),
    clause: Clause,
  }),
});

type Ctx = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void };

function checkProfile(p: z.infer<typeof ProfileObject>, ctx: Ctx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  const seen = new Map<string, number>();
  const levels = new Set(p.approvalChain.map((l) => l.id));

  p.stages.forEach((s, i) => {
    const kind = stageKind(s.id);
    if (seen.has(s.id)) issue(['stages', i, 'id'], `Этап «${s.id}» повторяется`);
    if ((s.minutes === undefined) === (s.workingDays === undefined)) {
      issue(['stages', i, 'minutes'], 'Укажите ровно одно из minutes и workingDays');
    }
    if (s.halvedWhenHigh && s.minutes === undefined) {
      issue(['stages', i, 'halvedWhenHigh'], 'Сокращается вдвое только срок в минутах');
    }
    const a = s.anchor;
    if (a.kind === 'stage-end' && !seen.has(a.stage)) {
      issue(['stages', i, 'anchor', 'stage'], `Этап «${a.stage}» должен стоять раньше этапа «${s.id}»`);
    }
    if (a.kind === 'before-deadline') {
      if (s.minutes === undefined) issue(['stages', i, 'anchor'], 'before-deadline требует minutes');
      if (kind === 'classify' || kind === 'route' || kind === 'answer') {
        issue(['stages', i, 'anchor'], `Этап «${s.id}» не может отсчитываться от общего срока`);
      }
    }
    if (kind === 'answer') {
      if (s.minutes === undefined) issue(['stages', i, 'minutes'], 'Общий срок ответа задается в минутах');
      if (a.kind !== 'detected' && a.kind !== 'routed') {
        issue(
          ['stages', i, 'anchor'],
          'Общий срок отсчитывается от выявления (detected) или направления (routed)',
        );
      }
    }
    const needsEvent: Partial<Record<StageKind, AnchorEvent>> = {
      rework: 'returned-for-rework',
      reroute: 'returned',
      'final-after-interim': 'interim-published',
    };
    const ev = kind ? needsEvent[kind] : undefined;
    if (ev && !(a.kind === 'event' && a.event === ev)) {
      issue(['stages', i, 'anchor'], `Этап «${s.id}» отсчитывается от события ${ev}`);
    }
    if (kind === 'review') {
      if (s.level === undefined) issue(['stages', i, 'level'], 'Этап согласования требует level');
      else if (!levels.has(s.level)) issue(['stages', i, 'level'], `Нет уровня «${s.level}» в approvalChain`);
    } else if (s.level !== undefined) {
      issue(['stages', i, 'level'], 'level задается только для этапов согласования');
    }
    if (kind === 'final-after-interim' && s.workingDays !== p.interimToFinal.workingDays) {
      issue(['stages', i, 'workingDays'], 'Должно совпадать с interimToFinal.workingDays');
    }
    seen.set(s.id, i);
  });

  if (!seen.has('answer')) issue(['stages'], 'Нужен этап «answer» (общий срок ответа)');
  if (!seen.has('final-after-interim')) {
    issue(['stages'], 'Нужен этап «final-after-interim» (окончательный ответ после промежуточного)');
  }

  const hs = p.highImportance.halveStages;
  if (hs !== 'all-marked') {
    hs.forEach((id, j) => {
      const i = seen.get(id);
      if (i === undefined) issue(['highImportance', 'halveStages', j], `Нет этапа «${id}»`);
      else if (!p.stages[i]?.halvedWhenHigh) {
        issue(['stages', i, 'halvedWhenHigh'], `Этап «${id}» указан в highImportance.halveStages`);
      }
    });
    p.stages.forEach((s, i) => {
      if (s.halvedWhenHigh && !hs.includes(s.id)) {
        issue(['stages', i, 'halvedWhenHigh'], `Этап «${s.id}» не указан в highImportance.halveStages`);
      }
    });
  }

  const levelIds = new Set<string>();
  p.approvalChain.forEach((l, i) => {
    if (levelIds.has(l.id)) issue(['approvalChain', i, 'id'], `Уровень «${l.id}» повторяется`);
    levelIds.add(l.id);
  });
  const keys = new Set<string>();
  p.criteria.forEach((c, i) => {
    if (keys.has(c.key)) issue(['criteria', i, 'key'], `Критерий «${c.key}» повторяется`);
    keys.add(c.key);
  });
}

export const RegulationProfileSchema = ProfileObject.superRefine(checkProfile);
export type RegulationProfile = z.infer<typeof RegulationProfileSchema>;

export type ProfileIssue = { path: string; message: string };

/** A profile that does not validate; each issue names the path of the bad field, e.g. `stages[3].minutes`. */
export class RegulationProfileError extends Error {
  readonly issues: readonly ProfileIssue[];
  constructor(issues: readonly ProfileIssue[], context?: string) {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
    super(`${context ? `${context}: ` : ''}профиль регламента не прошел проверку:\n${lines}`);
    this.name = 'RegulationProfileError';
    this.issues = issues;
  }
}

/** `['stages', 3, 'minutes']` → `stages[3].minutes`, with the element's id when it has one. */
export function formatPath(path: readonly PropertyKey[], input: unknown): string {
  let out = '';
  let node: unknown = input;
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
      const id = isRecord(node) ? (node['id'] ?? node['key']) : undefined;
      if (typeof id === 'string') out += `{${id}}`;
    } else {
      const key = String(seg);
      out += out === '' ? key : `.${key}`;
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return out === '' ? '(профиль)' : out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ruErrors = z.locales.ru().localeError;

/** Validates a profile; throws `RegulationProfileError` naming every bad field. */
export function parseProfile(json: unknown, context?: string): RegulationProfile {
  const r = RegulationProfileSchema.safeParse(json, { error: ruErrors });
  if (r.success) return r.data;
  throw new RegulationProfileError(
    r.error.issues.map((i) => ({ path: formatPath(i.path, json), message: i.message })),
    context,
  );
}

type DeepPartial<T> = T extends readonly (infer U)[]
  ? ReadonlyArray<DeepPartial<U> & { $remove?: boolean }>
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Deep-partial overrides for `deriveCustomProfile`. Keyed arrays take partial items, matched by id/key. */
export type ProfileOverrides = DeepPartial<Omit<RegulationProfile, 'id' | 'name' | 'derivedFrom'>>;

/**
 * Marks an item of a keyed array for removal in `deriveCustomProfile` overrides:
 * `{ criteria: [{ key: 'spelling', [REMOVE]: true }] }` or, in JSON, `{ "key": "spelling", "$remove": true }`.
 */
export const REMOVE = '$remove';

const KEYED_ARRAYS: Readonly<Record<string, 'id' | 'key'>> = {
  stages: 'id',
  approvalChain: 'id',
  criteria: 'key',
};

/**
 * A custom profile made from any profile: `overrides` are deep-merged into `base`, then the result is
 * validated again (throws `RegulationProfileError`).
 *
 * Merge rules: objects merge key by key; `undefined` keeps the base value, anything else (null included)
 * replaces it. `stages`, `approvalChain` and `criteria` merge item by item, matched by `id` (`key` for
 * criteria): a matching item is merged, a new one is appended, one with `$remove: true` is dropped;
 * other arrays (`halveStages`) are replaced. An anchor with a different `kind` replaces the base anchor, and a
 * stage given `minutes` loses its `workingDays` (and the other way round).
 */
export function deriveCustomProfile(
  base: RegulationProfile,
  overrides: ProfileOverrides,
  newId: string,
  newName: string,
): RegulationProfile {
  const merged = mergeValue(base, overrides, '') as Record<string, unknown>;
  return parseProfile({ ...merged, id: newId, name: newName, derivedFrom: base.id }, `профиль «${newId}»`);
}

function mergeValue(base: unknown, over: unknown, key: string): unknown {
  if (over === undefined) return structuredCloneJson(base);
  const idKey = KEYED_ARRAYS[key];
  if (idKey && Array.isArray(base) && Array.isArray(over)) return mergeKeyed(base, over, idKey);
  if (isRecord(base) && isRecord(over)) {
    if (key === 'anchor' && over['kind'] !== undefined && over['kind'] !== base['kind']) {
      return structuredCloneJson(over);
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(base)) out[k] = structuredCloneJson(base[k]);
    for (const [k, v] of Object.entries(over)) {
      if (v === undefined) continue;
      out[k] = mergeValue(base[k], v, k);
    }
    if (over['minutes'] !== undefined && over['workingDays'] === undefined) delete out['workingDays'];
    if (over['workingDays'] !== undefined && over['minutes'] === undefined) delete out['minutes'];
    return out;
  }
  return structuredCloneJson(over);
}

function mergeKeyed(base: readonly unknown[], over: readonly unknown[], idKey: 'id' | 'key'): unknown[] {
  const out = base.map((b) => structuredCloneJson(b));
  for (const o of over) {
    const id = isRecord(o) ? o[idKey] : undefined;
    const at = id === undefined ? -1 : out.findIndex((b) => isRecord(b) && b[idKey] === id);
    if (isRecord(o) && o[REMOVE] === true) {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = mergeValue(out[at], o, '');
    else out.push(structuredCloneJson(o));
  }
  return out;
}

/** Profiles are plain JSON data, so a JSON round trip is a faithful deep copy (and drops `undefined`). */
function structuredCloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
