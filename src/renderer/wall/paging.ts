/** Rows of the rest of the queue on one page of the wall (1080p: eight rows of ~6 vh). */
export const WALL_PAGE_ROWS = 8;

/** How many pages the rest of the queue (after the most urgent ones) takes; at least one. */
export function pageCount(total: number, urgent: number, perPage: number = WALL_PAGE_ROWS): number {
  return Math.max(1, Math.ceil(Math.max(0, total - urgent) / perPage));
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, count: number): number {
  return count <= 1 ? 0 : (page + 1) % count;
}

/** Where the page starts in the whole queue. */
export function pageOffset(page: number, urgent: number, perPage: number = WALL_PAGE_ROWS): number {
  return urgent + page * perPage;
}
