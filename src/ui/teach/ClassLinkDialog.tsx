/**
 * Share for a class: builds a teacher's link — which controls are shown, locked or hidden, a
 * tour and its stage, the bare embed view, autoplay — and copies it. A native modal <dialog>:
 * it keeps focus inside, Escape closes it, and focus returns to the button that opened it.
 */

import { useEffect, useRef, useState } from 'react';
import { PARAMS, PARAM_KEYS, type ParamKey, type Scenario, type View } from '../../scenario';
import { TOURS, findTour, stageScenario } from '../../scenario/tours';
import { useApp } from '../../state/react';
import { shareUrl } from '../../state/urlSync';
import { copyText } from '../share/download';
import { menuButton } from '../share/styles';

type Mode = 'shown' | 'locked' | 'hidden';

function initialModes(teach: Omit<View, 't'>): Record<ParamKey, Mode> {
  const modes = {} as Record<ParamKey, Mode>;
  for (const key of PARAM_KEYS) {
    const hidden = teach.show !== undefined && !teach.show.includes(key);
    modes[key] = hidden ? 'hidden' : teach.lock?.includes(key) ? 'locked' : 'shown';
  }
  return modes;
}

/** The link the dialog's choices make: a tour's stage runs the stage's own market. */
export function classLink(
  scenario: Scenario,
  modes: Record<ParamKey, Mode>,
  options: { tour: string; stage: number; embed: boolean; autoplay: boolean },
  location: { href: string },
): string {
  const show = PARAM_KEYS.filter((k) => modes[k] !== 'hidden');
  const view: View = {
    show: show.length < PARAM_KEYS.length ? show : undefined,
    lock: PARAM_KEYS.filter((k) => modes[k] === 'locked'),
    embed: options.embed,
    autoplay: options.autoplay,
  };
  const tour = findTour(options.tour);
  if (tour) {
    view.tour = tour.name;
    view.stage = options.stage;
    scenario = stageScenario(tour.stages[options.stage - 1]);
  }
  return shareUrl(scenario, view, location);
}

const field = 'rounded border border-slate-600 bg-slate-800 px-1 py-0.5 text-sm text-slate-100';

export function ClassLinkDialog({ onClose }: { onClose(): void }) {
  const { store } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  const [modes, setModes] = useState(() => initialModes(store.getState().teach));
  const [tour, setTour] = useState(store.getState().teach.tour ?? '');
  const [stage, setStage] = useState(store.getState().teach.stage ?? 1);
  const [embed, setEmbed] = useState(false);
  const [autoplay, setAutoplay] = useState(false);
  const [copied, setCopied] = useState<'' | 'Link copied' | 'Copy failed: select the link'>('');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const stages = findTour(tour)?.stages ?? [];
  const options = { tour, stage: Math.min(stage, stages.length || 1), embed, autoplay };
  const url = classLink(store.getState().scenario, modes, options, window.location);
  const setAll = (mode: Mode) =>
    setModes(Object.fromEntries(PARAM_KEYS.map((k) => [k, mode])) as typeof modes);

  return (
    <dialog
      ref={ref}
      aria-labelledby="class-title"
      onClose={onClose}
      className="m-auto max-h-[90vh] w-[min(40rem,95vw)] rounded-lg border border-slate-700 bg-slate-900 p-4 text-sm text-slate-100 backdrop:bg-black/60"
    >
      <h2 id="class-title" className="text-lg font-semibold">
        Share for a class
      </h2>
      <p className="text-slate-300">
        The link opens this scenario with only the controls you choose; locked ones show their value
        but do not move.
      </p>
      <fieldset className="mt-2 rounded border border-slate-700 p-2">
        <legend className="px-1 font-semibold">Controls</legend>
        <div className="mb-1 flex gap-2">
          <button type="button" className={menuButton} onClick={() => setAll('shown')}>
            Show all
          </button>
          <button type="button" className={menuButton} onClick={() => setAll('hidden')}>
            Hide all
          </button>
        </div>
        <div className="grid max-h-56 grid-cols-1 gap-x-4 overflow-y-auto sm:grid-cols-2">
          {PARAM_KEYS.map((key) => (
            <label key={key} className="flex items-center justify-between gap-2 py-0.5">
              <span>{PARAMS[key].label}</span>
              <select
                className={field}
                value={modes[key]}
                data-param={key}
                onChange={(e) => setModes({ ...modes, [key]: e.currentTarget.value as Mode })}
              >
                <option value="shown">shown</option>
                <option value="locked">locked</option>
                <option value="hidden">hidden</option>
              </select>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1">
          Tour
          <select className={field} value={tour} onChange={(e) => setTour(e.currentTarget.value)}>
            <option value="">none</option>
            {TOURS.map((t) => (
              <option key={t.name} value={t.name}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Stage
          <select
            className={field}
            value={options.stage}
            disabled={stages.length === 0}
            onChange={(e) => setStage(Number(e.currentTarget.value))}
          >
            {stages.map((s, i) => (
              <option key={s.title} value={i + 1}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            className="accent-sky-400"
            checked={embed}
            onChange={(e) => setEmbed(e.currentTarget.checked)}
          />
          Bare chart (for slides)
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            className="accent-sky-400"
            checked={autoplay}
            onChange={(e) => setAutoplay(e.currentTarget.checked)}
          />
          Play on open
        </label>
      </div>
      {tour !== '' && (
        <p className="mt-1 text-xs text-slate-400">
          A tour runs its stage’s market and shows each stage’s own controls; locks still apply.
        </p>
      )}
      <label className="mt-2 block">
        Link
        <input
          readOnly
          value={url}
          data-testid="class-link"
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded border border-slate-600 bg-slate-800 px-2 py-1 text-xs"
        />
      </label>
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          className={`${menuButton} border-sky-500`}
          onClick={() =>
            void copyText(url).then((ok) =>
              setCopied(ok ? 'Link copied' : 'Copy failed: select the link'),
            )
          }
        >
          Copy link
        </button>
        <button type="button" className={menuButton} onClick={() => ref.current?.close()}>
          Close
        </button>
        <span role="status" className="text-emerald-300">
          {copied}
        </span>
      </div>
    </dialog>
  );
}
