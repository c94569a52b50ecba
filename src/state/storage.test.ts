import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario';
import {
  LAST_KEY,
  MAX_NAME_LENGTH,
  SAVED_KEY,
  cleanName,
  deleteSaved,
  listSaved,
  readLast,
  renameSaved,
  saveLast,
  saveNamed,
} from './storage';

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const refusing = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('the last scenario', () => {
  it('is kept and read back exactly', () => {
    const storage = memory();
    const s = { ...defaultScenario(), seed: 11, leverage: 25 };
    expect(saveLast(storage, s)).toBe(true);
    expect(readLast(storage)).toEqual({ scenario: s, view: {}, notice: null });
  });

  it('is validated when read: a tampered value is corrected and said', () => {
    const storage = memory();
    storage.setItem(LAST_KEY, 'v=1&leverage=900');
    const last = readLast(storage);
    expect(last?.scenario.leverage).toBe(125);
    expect(last?.notice).toMatchObject({ kind: 'corrections', source: 'saved' });
  });

  it('is nothing, without an error, when storage is refused or holds junk', () => {
    expect(saveLast(refusing, defaultScenario())).toBe(false);
    expect(readLast(refusing)).toBeNull();
    expect(readLast(null)).toBeNull();
    const storage = memory();
    storage.setItem(LAST_KEY, 'v=99&seed=1');
    expect(readLast(storage)).toBeNull();
  });
});

describe('named scenarios', () => {
  it('saves, lists by name, renames and deletes', () => {
    const storage = memory();
    const a = { ...defaultScenario(), seed: 1 };
    const b = { ...defaultScenario(), seed: 2 };
    expect(saveNamed(storage, '  Squeeze ', b).ok).toBe(true);
    expect(saveNamed(storage, 'Calm', a).ok).toBe(true);
    expect(listSaved(storage).map((s) => s.name)).toEqual(['Calm', 'Squeeze']);
    expect(renameSaved(storage, 'Calm', 'Squeeze')).toMatchObject({ ok: false });
    expect(renameSaved(storage, 'Calm', 'Quiet')).toMatchObject({ ok: true });
    expect(listSaved(storage).map((s) => s.name)).toEqual(['Quiet', 'Squeeze']);
    expect(deleteSaved(storage, 'Squeeze')).toMatchObject({ ok: true });
    expect(listSaved(storage)).toEqual([
      { name: 'Quiet', link: expect.stringContaining('seed=1') },
    ]);
  });

  it('replaces a scenario saved again under the same name', () => {
    const storage = memory();
    saveNamed(storage, 'x', { ...defaultScenario(), seed: 1 });
    saveNamed(storage, 'x', { ...defaultScenario(), seed: 2 });
    expect(listSaved(storage)).toEqual([{ name: 'x', link: expect.stringContaining('seed=2') }]);
  });

  it('refuses an empty name, and says why when storage is refused', () => {
    expect(saveNamed(memory(), '   ', defaultScenario())).toMatchObject({ ok: false });
    expect(saveNamed(refusing, 'a', defaultScenario())).toEqual({
      ok: false,
      message: expect.stringContaining('did not let the page save'),
    });
  });

  it('skips malformed entries and keeps names short and on one line', () => {
    const storage = memory();
    storage.setItem(SAVED_KEY, JSON.stringify([{ name: 'ok', link: 'v=1' }, { name: 3 }, null]));
    expect(listSaved(storage)).toEqual([{ name: 'ok', link: 'v=1' }]);
    storage.setItem(SAVED_KEY, '{not json');
    expect(listSaved(storage)).toEqual([]);
    expect(cleanName('a\n  b')).toBe('a b');
    expect(cleanName('x'.repeat(200))).toHaveLength(MAX_NAME_LENGTH);
  });
});
