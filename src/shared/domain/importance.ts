import { z } from 'zod';

/** Повышенной важности: 4 hours overall and halved steps in Новороссийск (p.14). */
export const Importance = z.enum(['normal', 'high']);
export type Importance = z.infer<typeof Importance>;
