/** Today is a Belgian calendar day, not a UTC one. */
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/time.js';

describe('today', () => {
  it('is the date in Brussels', () => {
    expect(today(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02'); // winter: UTC+1
    expect(today(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // summer: UTC+2
    expect(today(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15');
  });

  it('takes another time zone', () => {
    expect(today(new Date('2026-12-01T23:30:00Z'), 'UTC')).toBe('2026-12-01');
  });
});
