import { describe, expect, it } from 'vitest';
import { defaultScenario, findPreset } from '../scenario';
import { createAppStore } from './store';
import {
  MAX_NOTICE_ITEMS,
  capMessages,
  createAddressSync,
  followView,
  hasLink,
  linkFor,
  readLink,
  shareUrl,
  teachView,
  writeLink,
} from './urlSync';

describe('URL sync', () => {
  it('reads a share link into a scenario with no notice', () => {
    const { scenario, notice } = readLink({
      search: '?v=2&seed=9&leverage=50&shock=-12',
      hash: '',
    });
    expect(scenario).toMatchObject({ seed: 9, leverage: 50, shock: -12 });
    expect(notice).toBeNull();
  });

  it('reads the scenario from the hash too', () => {
    expect(readLink({ search: '', hash: '#v=2&leverage=20' }).scenario.leverage).toBe(20);
  });

  it('turns corrections into a notice of plain sentences', () => {
    const { scenario, notice } = readLink({ search: '?leverage=abc&shock=-99', hash: '' });
    expect(scenario.leverage).toBe(defaultScenario().leverage);
    expect(scenario.shock).toBe(-60);
    expect(notice?.kind).toBe('corrections');
    expect(notice?.kind === 'corrections' && notice.messages).toEqual([
      expect.stringMatching(/^leverage: "abc" is not a number; using the default/),
      expect.stringMatching(/^shock: -99 is below the minimum/),
    ]);
  });

  it('shows the default scenario with a message for a link from a newer version', () => {
    const { scenario, notice } = readLink({ search: '?v=99&leverage=50', hash: '' });
    expect(scenario).toEqual(defaultScenario());
    expect(notice).toEqual({
      kind: 'link-error',
      message: expect.stringMatching(/newer version.*Showing the default scenario instead\.$/),
    });
  });

  it('writes the link with replaceState and round-trips it', () => {
    const { win, calls } = fakeWindow('/lab/');
    const s = { ...defaultScenario(), leverage: 33 };
    expect(writeLink(s, win)).toBe(true);
    expect(calls).toEqual([linkFor(s)]);
    expect(readLink({ search: calls[0], hash: '' }).scenario).toEqual(s);
  });

  it('writes a query relative to the page, so a `//host/` path stays on this origin', () => {
    const { win, calls } = fakeWindow('//evil.example/');
    writeLink(defaultScenario(), win);
    expect(calls[0]).toMatch(/^\?v=2&/);
    expect(new URL(calls[0], 'http://127.0.0.1:4183//evil.example/').origin).toBe(
      'http://127.0.0.1:4183',
    );
  });

  it('reports, and does not throw, when the browser refuses to write the address', () => {
    const { win } = fakeWindow('/', () => {
      throw new DOMException('refused', 'SecurityError');
    });
    expect(writeLink(defaultScenario(), win)).toBe(false);
  });

  it('caps a long list of corrections with a count of the rest', () => {
    const search = '?v=2&' + Array.from({ length: 700 }, (_, i) => `j${i}=1`).join('&');
    const { notice } = readLink({ search, hash: '' });
    const messages = notice?.kind === 'corrections' ? notice.messages : [];
    expect(messages).toHaveLength(MAX_NOTICE_ITEMS);
    expect(messages.at(-1)).toBe('… and 691 more corrections');
    expect(capMessages(['a', 'b'], 2)).toEqual(['a', 'b']);
  });

  it('gives the share URL of this page with the scenario and the minute', () => {
    const s = { ...defaultScenario(), seed: 5 };
    const url = shareUrl(s, { t: 90 }, { href: 'https://x.org/lab/?v=2&seed=1#top' });
    expect(url).toMatch(/^https:\/\/x\.org\/lab\/\?v=2&seed=5&.*&t=90$/);
  });
});

describe('whether the page was opened with a link', () => {
  it('is so for a query or a hash, not for an empty one', () => {
    expect(hasLink({ search: '?v=2', hash: '' })).toBe(true);
    expect(hasLink({ search: '', hash: '#v=2' })).toBe(true);
    expect(hasLink({ search: '?', hash: '#' })).toBe(false);
    expect(hasLink({ search: '', hash: '' })).toBe(false);
  });
});

describe('the address bar policy', () => {
  const setup = (search: string) => {
    const link = readLink({ search, hash: '' });
    const store = createAppStore(link.scenario);
    store.getState().setNotice(link.notice);
    const { win, calls } = fakeWindow('/');
    win.location.search = search;
    return { link, store, calls, sync: createAddressSync(store, link, win) };
  };

  it('keeps a corrected link until the scenario changes, then drops its notice', () => {
    const { link, store, calls, sync } = setup('?v=2&leverage=abc');
    sync(link.scenario);
    expect(calls).toEqual([]);
    expect(store.getState().notice).not.toBeNull();
    sync({ ...link.scenario, leverage: 30 });
    expect(calls).toHaveLength(1);
    expect(store.getState().notice).toBeNull();
  });

  it('keeps a link with t= while its scenario is on screen', () => {
    const { link, calls, sync } = setup('?v=2&seed=4&t=50');
    expect(link.view).toEqual({ t: 50 });
    sync(link.scenario);
    expect(calls).toEqual([]);
    sync({ ...link.scenario, seed: 5 });
    expect(calls[0]).not.toContain('t=');
  });

  it('follows the scenario at once for a plain link', () => {
    const { link, calls, sync } = setup('?v=2&seed=4');
    sync(link.scenario);
    expect(calls).toEqual([linkFor(link.scenario)]);
  });
});

describe('the teaching view keys in the address', () => {
  it('labels a preset while the scenario is its values, and says present=1', () => {
    const calm = findPreset('calm')!.scenario;
    expect(teachView({ scenario: calm, present: false, teach: {} })).toEqual({ preset: 'calm' });
    expect(teachView({ scenario: { ...calm, seed: 9 }, present: true, teach: {} })).toEqual({
      present: true,
    });
  });

  it('writes the label with the run, and rewrites the address when presenting', () => {
    const calm = findPreset('calm')!.scenario;
    const { win, calls } = fakeWindow('/');
    const store = createAppStore(calm);
    createAddressSync(store, { scenario: defaultScenario(), view: {}, notice: null }, win)(calm);
    expect(calls.at(-1)).toMatch(/&preset=calm$/);
    const stop = followView(store, win);
    store.getState().setPresent(true);
    expect(calls.at(-1)).toMatch(/&preset=calm&present=1$/);
    expect(readLink({ search: calls.at(-1)!, hash: '' })).toMatchObject({
      scenario: calm,
      view: { preset: 'calm', present: true },
      notice: null,
    });
    stop();
  });
});

function fakeWindow(pathname: string, replace?: () => void) {
  const calls: string[] = [];
  const location = { pathname, search: '', hash: '' };
  const win = {
    location,
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        replace?.();
        calls.push(url);
        location.search = url;
      },
    },
  } as unknown as Window & { location: typeof location };
  return { win, calls };
}
