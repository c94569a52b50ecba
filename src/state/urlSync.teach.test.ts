/** Links the app writes keep the teaching view keys in force. */

import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario';
import { createAppStore } from './store';
import { createAddressSync, followView, readLink } from './urlSync';

function fakeWindow() {
  const calls: string[] = [];
  const location = { pathname: '/', search: '', hash: '' };
  const win = {
    location,
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        calls.push(url);
        location.search = url;
      },
    },
  } as unknown as Window;
  return { win, calls };
}

describe('address sync with teaching keys', () => {
  it('writes the keys in force with each new scenario, and when they change', () => {
    const link = readLink({ search: '?v=2&show=leverage,shock&lock=shock', hash: '' });
    const store = createAppStore(link.scenario);
    store.getState().setTeach(link.view);
    const { win, calls } = fakeWindow();
    const onCommit = createAddressSync(store, link, win);
    const stop = followView(store, win);
    onCommit(link.scenario); // the link as sent stays
    expect(calls).toEqual([]);
    onCommit({ ...defaultScenario(), leverage: 30 });
    expect(calls.at(-1)).toMatch(/leverage=30.*&show=leverage,shock&lock=shock$/);
    store.getState().setTeach({ tour: 'anatomy', stage: 2 });
    expect(calls.at(-1)).toMatch(/&tour=anatomy&stage=2$/);
    stop();
    store.getState().setTeach({});
    expect(calls.at(-1)).toMatch(/&tour=anatomy&stage=2$/);
    expect(readLink({ search: calls.at(-1)!, hash: '' }).view).toEqual({
      tour: 'anatomy',
      stage: 2,
    });
  });
});
