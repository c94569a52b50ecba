/**
 * Copy link: the address of what is on screen, optionally at the current minute (`t=`), onto
 * the clipboard, with a "copied" confirmation. If the browser refuses, the link is shown,
 * selected, to copy by hand.
 */

import { useEffect, useId, useState } from 'react';
import { selectShownStep } from '../../state/selectors';
import { useApp, useThrottledAppStore } from '../../state/react';
import { shareUrl, teachView } from '../../state/urlSync';
import { copyText } from './download';
import { menuButton } from './styles';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; url: string };

export function CopyLink() {
  const { store } = useApp();
  const id = useId();
  const step = useThrottledAppStore(selectShownStep, 250);
  const [atMinute, setAtMinute] = useState(false);
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const s = store.getState();
    const t = atMinute ? (selectShownStep(s) ?? 0) : 0;
    const url = shareUrl(s.scenario, { ...teachView(s), t }, window.location, s.compare);
    setState((await copyText(url)) ? { kind: 'copied' } : { kind: 'failed', url });
  };

  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className={menuButton} onClick={() => void copy()}>
        Copy link
      </button>
      <label htmlFor={id} className="flex items-center gap-1 text-sm text-slate-300">
        <input
          id={id}
          type="checkbox"
          checked={atMinute}
          onChange={(e) => setAtMinute(e.currentTarget.checked)}
          className="accent-sky-400"
        />
        at minute {step ?? 0}
      </label>
      <span role="status" className="text-sm text-emerald-300" data-testid="copy-status">
        {state.kind === 'copied' ? 'Link copied' : ''}
      </span>
      {state.kind === 'failed' && (
        <input
          readOnly
          aria-label="The link, to copy by hand"
          value={state.url}
          ref={(el) => el?.select()}
          className="w-64 rounded border border-amber-400 bg-slate-800 px-2 py-1 text-xs text-slate-100"
        />
      )}
    </span>
  );
}
