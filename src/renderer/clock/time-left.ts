/**
 * Working minutes from `now` to `deadline` (negative when overdue). The one function the timer bars
 * read time left through: the foundation counts wall time; the working-time issue (#3) swaps in the
 * calendar's `between`.
 */
export function minutesLeft(now: number, deadline: number): number {
  return (deadline - now) / 60_000;
}
