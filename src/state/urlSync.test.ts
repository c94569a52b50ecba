import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario';
import { linkFor, readLink, writeLink } from './urlSync';

describe('URL sync', () => {
  it('reads a share link into a scenario with no notice', () => {
    const { scenario, notice } = readLink({
      search: '?v=1&seed=9&leverage=50&shock=-12',
      hash: '',
    });
    expect(scenario).toMatchObject({ seed: 9, leverage: 50, shock: -12 });
    expect(notice).toBeNull();
  });

  it('reads the scenario from the hash too', () => {
    expect(readLink({ search: '', hash: '#v=1&leverage=20' }).scenario.leverage).toBe(20);
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
    const calls: string[] = [];
    const win = {
      location: { pathname: '/lab/', search: '', hash: '' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url: string) => calls.push(url),
      },
    } as unknown as Window;
    const s = { ...defaultScenario(), leverage: 33 };
    writeLink(s, win);
    expect(calls).toEqual([linkFor(s, '/lab/')]);
    const query = calls[0].slice(calls[0].indexOf('?'));
    expect(readLink({ search: query, hash: '' }).scenario).toEqual(s);
  });
});
