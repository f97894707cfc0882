import type { UserRecord } from '../db/users';
import type { Role } from '../../shared/workflow';
import { DEMO_DEPARTMENTS } from './demo/generate';

/** The password of every demo user (documented in the README): the demo switches user without it. */
export const DEMO_PASSWORD = 'otklik-demo';
export const DEMO_DEFAULT_LOGIN = 'operator';

const MCU_STAFF: Array<{ login: string; displayName: string; role: Role }> = [
  { login: 'operator', displayName: 'Иванова Мария Сергеевна', role: 'operator' },
  { login: 'controller', displayName: 'Петров Алексей Николаевич', role: 'controller' },
  { login: 'supervisor', displayName: 'Смирнова Елена Викторовна', role: 'supervisor' },
  { login: 'admin', displayName: 'Администратор системы', role: 'admin' },
  { login: 'wall', displayName: 'Экран в зале МЦУ', role: 'wall' },
];

const EXECUTORS = [
  'Кузнецов Дмитрий Олегович',
  'Соколова Анна Павловна',
  'Морозов Игорь Васильевич',
  'Волкова Ольга Андреевна',
  'Лебедев Сергей Иванович',
  'Козлова Татьяна Юрьевна',
  'Новиков Артём Денисович',
  'Федорова Наталья Михайловна',
  'Павлов Константин Ильич',
  'Семенова Юлия Романовна',
  'Голубев Виктор Петрович',
];
const HEADS = [
  'Орлов Николай Степанович',
  'Захарова Ирина Владимировна',
  'Белов Андрей Александрович',
  'Тарасова Светлана Игоревна',
  'Егоров Павел Михайлович',
  'Никитина Людмила Сергеевна',
  'Медведев Олег Борисович',
  'Антонова Галина Петровна',
  'Жуков Роман Евгеньевич',
  'Комарова Вера Николаевна',
  'Киселёв Григорий Львович',
];

/** A user per role of МЦУ, and an executor and a head for every demo department (Новороссийск p.6). */
export function demoUsers(passwordHash: string): UserRecord[] {
  const staff = MCU_STAFF.map((u) => ({ ...u, id: `user-${u.login}`, departmentId: null }));
  const departmental = DEMO_DEPARTMENTS.flatMap((d, i) => {
    const key = d.id.replace(/^dep-/, '');
    return [
      {
        id: `user-exec-${key}`,
        login: `exec-${key}`,
        displayName: EXECUTORS[i % EXECUTORS.length] ?? `Исполнитель ${i}`,
        role: 'executor' as const,
        departmentId: d.id,
      },
      {
        id: `user-head-${key}`,
        login: `head-${key}`,
        displayName: HEADS[i % HEADS.length] ?? `Руководитель ${i}`,
        role: 'department-head' as const,
        departmentId: d.id,
      },
    ];
  });
  return [...staff, ...departmental].map((u) => ({ ...u, passwordHash, active: true }));
}
