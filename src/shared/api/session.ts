import { z } from 'zod';
import { RoleSchema } from '../workflow/roles';

export const UserView = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const SessionState = z.object({
  user: UserView.nullable(),
  /** No user exists yet: the first real start asks for the administrator. */
  needsSetup: z.boolean(),
  /** The embedded demo: switching user needs no password. */
  demo: z.boolean(),
});
export type SessionState = z.infer<typeof SessionState>;

const Login = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,40}$/i, 'логин: латинские буквы, цифры, точка, дефис, от 3 до 40 знаков');
const Password = z.string().min(8, 'пароль не короче 8 знаков').max(200);

/** Sign-in on the workstation (issue #4: roles and people). */
export const sessionMethods = {
  'session.current': { request: z.object({}).strict(), response: SessionState },
  'session.signIn': {
    request: z.object({ login: z.string().min(1), password: z.string().min(1) }).strict(),
    response: SessionState,
  },
  /** The demo switches user in one click; a real workstation asks for the password (session.signIn). */
  'session.switch': { request: z.object({ userId: z.string().min(1) }).strict(), response: SessionState },
  'session.signOut': { request: z.object({}).strict(), response: SessionState },
  'session.setupAdmin': {
    request: z
      .object({ login: Login, displayName: z.string().trim().min(2).max(200), password: Password })
      .strict(),
    response: SessionState,
  },
  'users.list': { request: z.object({}).strict(), response: z.array(UserView) },
  'users.create': {
    request: z
      .object({
        login: Login,
        displayName: z.string().trim().min(2).max(200),
        role: RoleSchema,
        departmentId: z.string().nullable(),
        password: Password,
      })
      .strict(),
    response: UserView,
  },
  /** A department of the administration (for a workstation that is not joined to a hub). */
  'departments.create': {
    request: z
      .object({
        id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'код: латинские строчные буквы, цифры и дефис'),
        name: z.string().trim().min(3).max(300),
        shortName: z.string().trim().max(100),
      })
      .strict(),
    response: z.object({ id: z.string() }),
  },
  /** Who stands in for an absent executor or head (Новороссийск p.6). */
  'substitutions.add': {
    request: z
      .object({
        absentUserId: z.string().min(1),
        substituteUserId: z.string().min(1),
        from: z.number().int().nonnegative(),
        until: z.number().int().nonnegative(),
      })
      .strict()
      .refine((s) => s.from < s.until, { message: 'Период замещения пуст' })
      .refine((s) => s.absentUserId !== s.substituteUserId, { message: 'Сотрудник не может замещать себя' }),
    response: z.object({ id: z.string() }),
  },
} as const;
