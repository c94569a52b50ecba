/**
 * The preset menu: each named scenario with its title and one-line lesson. Picking one sets the
 * scenario to its full values through the controller (as a slider does) and runs it from the
 * start; the address then carries the values and `preset=NAME` as a label. Keyboard: Enter or
 * Space opens (focus goes to the first preset), Tab moves, Enter picks, Escape closes.
 */

import { useRef, useState } from 'react';
import { matchingPreset, PRESETS, type Preset } from '../../scenario';
import { EPISODE_PRESETS } from '../../scenario/episodeNames';
import { useAppStore, useController } from '../../state/react';

const isEpisode = (name: string) => (EPISODE_PRESETS as readonly string[]).includes(name);

const GROUPS = [
  { title: 'Lessons', presets: PRESETS.filter((p) => !isEpisode(p.name)) },
  {
    title: 'Episodes (model against reported)',
    presets: PRESETS.filter((p) => isEpisode(p.name)),
  },
];

export function PresetMenu() {
  const controller = useController();
  const current = useAppStore((s) => matchingPreset(s.scenario));
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const pick = (p: Preset) => {
    if (current?.name === p.name) controller.reset();
    else controller.setScenario(p.scenario);
    close();
  };
  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls="preset-list"
        className="w-full rounded-md border border-sky-700 bg-slate-900 px-3 py-1.5 text-left text-sm text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400"
        onClick={() => {
          setOpen(!open);
          // Into the list, at its first preset.
          if (!open) requestAnimationFrame(() => list.current?.querySelector('button')?.focus());
        }}
      >
        <span className="font-semibold">Preset:</span>{' '}
        <span data-testid="preset-current">{current ? current.title : 'your own scenario'}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {current && !open && <p className="mt-1 text-xs text-slate-400">{current.lesson}</p>}
      {open && (
        <div
          ref={list}
          id="preset-list"
          role="group"
          aria-label="Presets"
          className="mt-1 max-h-[60vh] space-y-2 overflow-y-auto rounded-lg border border-slate-700 bg-slate-900 p-2"
        >
          {GROUPS.map((g) => (
            <div key={g.title}>
              <h3 className="px-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">
                {g.title}
              </h3>
              <ul>
                {g.presets.map((p) => (
                  <li key={p.name}>
                    <button
                      type="button"
                      data-preset={p.name}
                      aria-current={current?.name === p.name ? 'true' : undefined}
                      className="w-full rounded px-2 py-1 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 aria-[current]:bg-slate-800"
                      onClick={() => pick(p)}
                    >
                      <span className="block text-sm font-medium text-slate-100">{p.title}</span>
                      <span className="block text-xs text-slate-400">{p.lesson}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
