import { describe, expect, it } from 'vitest';
import { shockSentence } from './StartHint';

describe('the first screen’s shock sentence', () => {
  it('says how big the shock is, when it hits and what to press', () => {
    expect(shockSentence(-8, 60, 1)).toBe('A −8 % shock hits at minute 60: press Play.');
    expect(shockSentence(20, 10, 5)).toBe(
      'A +20 % shock hits at minute 10 over 5 minutes: press Play.',
    );
    expect(shockSentence(0, 60, 1)).toMatch(/^No shock/);
  });
});
