/**
 * The plain values of the queue's contract, without zod. The schemas in `queue.ts` are built from them and
 * re-export them; the renderer imports them from here, so that its first chunk carries no schema (the core
 * validates every request, and its answers are typed).
 */

/** The department key of an incident that is not routed yet (no department). */
export const NO_DEPARTMENT = '';

export const DUE_FILTERS = ['overdue', 'hour'] as const;

export const QUEUE_SORT_KEYS = ['deadline', 'stage', 'detected', 'importance'] as const;

/** Most urgent first: the deadline order is the order of working time left. */
export const DEFAULT_SORT: { key: (typeof QUEUE_SORT_KEYS)[number]; desc: boolean } = {
  key: 'deadline',
  desc: false,
};

export const QUEUE_COLUMNS = [
  'timer',
  'importance',
  'source',
  'detected',
  'author',
  'text',
  'topic',
  'location',
  'department',
  'status',
] as const;

/** Rows per page: two screens, so scrolling asks rarely and each answer is small. */
export const QUEUE_PAGE_SIZE = 50;
