import { describe, expect, it } from 'vitest';
import { Department } from '../../../../../src/shared/domain/incident';
import {
  DEMO_DEPARTMENTS,
  DEMO_TOPICS,
  departmentForTopic,
} from '../../../../../src/main/core/demo/generate';

describe('DEMO_DEPARTMENTS', () => {
  it('lists about ten valid departments with unique ids', () => {
    expect(DEMO_DEPARTMENTS.length).toBeGreaterThanOrEqual(10);
    for (const department of DEMO_DEPARTMENTS) {
      expect(Department.parse(department)).toEqual(department);
      expect(department.id).toMatch(/^dep-[a-z]+$/);
    }
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.id)).size).toBe(DEMO_DEPARTMENTS.length);
  });
});

describe('departmentForTopic', () => {
  const ids = new Set(DEMO_DEPARTMENTS.map((d) => d.id));

  it('routes every topic group to an existing specialist department', () => {
    for (const topic of DEMO_TOPICS) {
      const id = departmentForTopic(topic);
      expect(ids).toContain(id);
      expect(id).not.toBe('dep-general');
    }
  });

  it('routes the usual groups to the usual departments', () => {
    expect(departmentForTopic('ЖКХ')).toBe('dep-zhkh');
    expect(departmentForTopic('Общественный транспорт')).toBe('dep-roads');
    expect(departmentForTopic('Дороги')).toBe('dep-roads');
    expect(departmentForTopic('Безопасность')).toBe('dep-gochs');
    expect(departmentForTopic('Торговля')).toBe('dep-trade');
  });

  it('ignores case and recognises other wordings by their stems', () => {
    expect(departmentForTopic('  жкх ')).toBe('dep-zhkh');
    expect(departmentForTopic('Отопление')).toBe('dep-zhkh');
    expect(departmentForTopic('Дороги и тротуары')).toBe('dep-roads');
    expect(departmentForTopic('Детская площадка')).toBe('dep-blago');
    expect(departmentForTopic('Детский сад')).toBe('dep-edu');
  });

  it('sends an unknown topic to the general department', () => {
    expect(departmentForTopic('Прочее')).toBe('dep-general');
    expect(ids).toContain('dep-general');
  });
});
