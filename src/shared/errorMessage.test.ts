import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it("gives an Error's message, or its name when the message is empty", () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
  });

  it('gives a thrown string or value as text', () => {
    expect(errorMessage('boom')).toBe('boom');
    expect(errorMessage(42)).toBe('42');
  });

  it('falls back for nothing readable, and never throws itself', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorMessage('')).toBe('an unknown error');
    expect(errorMessage(undefined)).toBe('an unknown error');
    expect(errorMessage(null, 'the worker failed')).toBe('the worker failed');
    expect(errorMessage(hostile)).toBe('an unknown error');
  });
});
