import { z } from 'zod';

export const StageState = z.enum(['on-time', 'warning', 'breached', 'done', 'done-late', 'pending']);

/** One stage of an incident's clock as the UI shows it: deadline, state and the clause it comes from. */
export const StageDeadline = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.number().int().nonnegative(),
  state: StageState,
  clause: z.string(),
});
export type StageDeadline = z.infer<typeof StageDeadline>;
