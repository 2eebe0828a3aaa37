import { describe, expect, it } from 'vitest';
import { departmentTree } from './department-tree';

describe('the department tree of a filter list', () => {
  it('puts each department after its parent, by name, with its depth', () => {
    expect(
      departmentTree([
        { id: 1, code: 'S', name: 'Support', parentId: null },
        { id: 2, code: 'A', name: 'Accounts', parentId: null },
        { id: 3, code: 'W', name: 'Web support', parentId: 1 },
        { id: 4, code: 'L', name: 'L2', parentId: 3 },
        { id: 5, code: 'F', name: 'First line', parentId: 1 },
      ]).map(({ department, depth }) => [department.name, depth]),
    ).toEqual([
      ['Accounts', 0],
      ['Support', 0],
      ['First line', 1],
      ['Web support', 1],
      ['L2', 2],
    ]);
  });

  it('makes a department whose parent is not in the list a root', () => {
    const lost = { id: 7, code: 'X', name: 'Export', parentId: 99 };
    expect(departmentTree([lost])).toEqual([{ department: lost, depth: 0 }]);
  });
});
