import { describe, expect, it } from 'vitest';
import { memoByObject } from '../../../src/shared/memo.ts';

describe('memoByObject', () => {
  it('computes once per argument object, and again for another object', () => {
    const calls: object[] = [];
    const size = memoByObject((list: readonly number[]) => (calls.push(list), list.length));
    const a = [1, 2, 3];
    const b = [1, 2, 3];
    expect([size(a), size(a), size(b), size(b)]).toEqual([3, 3, 3, 3]);
    expect(calls).toEqual([a, b]);
    expect(calls[0]).toBe(a);
  });

  it('remembers a result that is undefined too', () => {
    let calls = 0;
    const nothing = memoByObject((_key: object) => void calls++);
    const key = {};
    nothing(key);
    nothing(key);
    expect(calls).toBe(1);
  });
});
