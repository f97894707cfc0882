import { describe, expect, it } from 'vitest';
import {
  actsForDepartment,
  departmentAccess,
  DepartmentDirectorySchema,
  type DepartmentDirectory,
} from '../../../../src/shared/workflow';
import { A, DIRECTORY, Flow, SUBSTITUTION, T0, withDepartmentLevel } from './support';

describe('the department directory (Новороссийск p.6; Ставрополь p.8)', () => {
  it('is valid data', () => {
    expect(DepartmentDirectorySchema.parse(DIRECTORY)).toEqual(DIRECTORY);
  });

  it('refuses empty substitution periods, self-substitution and duplicate departments', () => {
    const dep = DIRECTORY.departments[0]!;
    const bad = (d: DepartmentDirectory) => DepartmentDirectorySchema.safeParse(d).success;
    const sub = { absentUserId: 'a', substituteUserId: 'b', from: 10, until: 10 };
    expect(bad({ departments: [{ ...dep, substitutions: [sub] }] })).toBe(false);
    expect(
      bad({ departments: [{ ...dep, substitutions: [{ ...sub, substituteUserId: 'a', until: 20 }] }] }),
    ).toBe(false);
    expect(bad({ departments: [dep, dep] })).toBe(false);
  });

  it('a member acts for their home department only when the directory names them there', () => {
    expect(departmentAccess(DIRECTORY, 'dep-roads', A.execRoads, T0)).toBe('member');
    expect(departmentAccess(DIRECTORY, 'dep-roads', A.headRoads, T0)).toBe('member');
    expect(departmentAccess(DIRECTORY, 'dep-roads', A.execZhkh, T0)).toBeNull();
    expect(departmentAccess(DIRECTORY, 'dep-roads', A.forged, T0)).toBeNull();
    expect(departmentAccess(DIRECTORY, 'dep-nowhere', A.execRoads, T0)).toBeNull();
  });

  it('a substitute acts for the absent executor’s department only during the absence', () => {
    expect(departmentAccess(DIRECTORY, 'dep-roads', A.substitute, T0)).toBe('substitute');
    expect(actsForDepartment(DIRECTORY, 'dep-roads', A.substitute, SUBSTITUTION.from - 1)).toBe(false);
    expect(actsForDepartment(DIRECTORY, 'dep-roads', A.substitute, SUBSTITUTION.until)).toBe(false);
    // Their own department still works.
    expect(departmentAccess(DIRECTORY, 'dep-edu', A.substitute, T0)).toBe('member');
  });

  it('lets the substitute draft and send for review on the absent executor’s incident', () => {
    const f = new Flow().routed('dep-roads');
    f.do(A.substitute, 'save-draft', { text: 'Ответ замещающего', kind: 'final', attachmentIds: [] });
    f.do(A.substitute, 'send-for-review', {});
    expect(f.state).toMatchObject({ status: 'in-review', draft: { savedBy: 'u-sub' } });
  });

  it('refuses the substitute outside the absence', () => {
    const f = new Flow().routed('dep-roads');
    f.now = SUBSTITUTION.until + 1;
    f.rejects(
      A.substitute,
      'save-draft',
      { text: 'x', kind: 'final', attachmentIds: [] },
      'not-your-department',
    );
  });

  it('a substitute takes over the department, not the role', () => {
    const standIn = (substituteUserId: string): DepartmentDirectory => ({
      departments: DIRECTORY.departments.map((d) =>
        d.id === 'dep-roads'
          ? { ...d, substitutions: [{ absentUserId: 'u-head-roads', substituteUserId, ...SUBSTITUTION }] }
          : d,
      ),
    });
    // The head of ЖКХ stands in for the absent head of roads: approves at the roads department level.
    const byHead = new Flow(withDepartmentLevel).inReview();
    byHead.directory = standIn('u-head-zhkh');
    byHead.do(A.headZhkh, 'approve', {});
    expect(byHead.state).toMatchObject({ status: 'in-review', levelId: 'controller' });
    // An executor standing in for the head drafts, but does not approve.
    const byExecutor = new Flow(withDepartmentLevel).inReview();
    byExecutor.directory = standIn('u-exec-zhkh');
    byExecutor.rejects(A.execZhkh, 'approve', {}, 'role-forbidden');
  });
});
