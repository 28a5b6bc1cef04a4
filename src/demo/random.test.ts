import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';

describe('createRng', () => {
  it('draws the same sequence from the same seed and another from another seed', () => {
    const a = createRng(7); const b = createRng(7); const c = createRng(8);
    const seq = (r: ReturnType<typeof createRng>) => Array.from({ length: 5 }, () => r.next());
    expect(seq(a)).toEqual(seq(b));
    expect(seq(createRng(7))).not.toEqual(seq(c));
  });
  it('makes valid version-4 uuids and stays within integer bounds', () => {
    const r = createRng(1);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ints = Array.from({ length: 1000 }, () => r.int(3, 5));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(5);
  });
});
