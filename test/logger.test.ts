/** Errors are logged with their class and stack, never with the values a failed query carried. */
import { describe, expect, it } from 'vitest';
import { errorFields } from '../src/logger.js';

class DrizzleLikeError extends Error {
  constructor(cause: Error) {
    super('Failed query: update participants set display_name = $1 where id = $2\nparams: Fatma Yilmaz,0b9c1f7e-2a4d-4e8b-9c3a-5d6e7f8a9b0c', { cause });
  }
}

describe('errorFields', () => {
  it('keeps the class, message and stack frames; drops query parameters and quoted values', () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "Fatma Yilmaz"'), { code: '22P02' });
    const fields = errorFields(new DrizzleLikeError(driver));
    expect(fields.type).toBe('DrizzleLikeError');
    expect(fields.message).toBe('Failed query: update participants set display_name = $1 where id = $2');
    expect(fields.stack).toMatch(/^\s+at /);
    expect(fields.cause).toMatchObject({ type: 'Error', code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
    expect(JSON.stringify(fields)).not.toMatch(/Fatma|0b9c1f7e/);
  });

  it('says what was thrown when it is not an Error', () => {
    expect(errorFields('a string')).toEqual({ type: 'string', message: '[not an Error]' });
  });
});
