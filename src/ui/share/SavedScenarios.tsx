/**
 * Keep: scenarios saved in this browser by name (open, rename, delete), and a scenario saved to
 * or opened from a JSON file. Whatever is opened goes through the link's decoder, so it is
 * validated and its corrections are shown as a notice, like a link's.
 */

import { useId, useRef, useState } from 'react';
import { decodeLink, decodeScenarioFile, type Correction, type Scenario } from '../../scenario';
import { useApp } from '../../state/react';
import type { NoticeSource } from '../../state/slices';
import {
  browserStorage,
  deleteSaved,
  listSaved,
  renameSaved,
  saveNamed,
  type SaveOutcome,
  type SavedScenario,
} from '../../state/storage';
import { capMessages } from '../../state/urlSync';
import { downloadBlob } from './download';
import { scenarioFile } from './runFiles';
import { menuButton } from './styles';

const input =
  'min-w-0 flex-1 rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-slate-100';

/** The Saved menu's panel (loaded when the menu first opens: ShareBar). */
export function SavedPanel() {
  const { store, controller } = useApp();
  const storage = browserStorage();
  const nameId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<SavedScenario[]>(() => listSaved(storage));
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const [message, setMessage] = useState('');

  const apply = (outcome: SaveOutcome, done: string) => {
    if (outcome.ok) setList(outcome.list);
    setMessage(outcome.ok ? done : outcome.message);
    return outcome.ok;
  };

  /** Shows an opened scenario, with what its decoder corrected as a notice. */
  const show = (scenario: Scenario, corrections: Correction[], source: NoticeSource) => {
    controller.setScenario(scenario);
    const messages = capMessages(corrections.map((c) => c.message));
    store
      .getState()
      .setNotice(messages.length > 0 ? { kind: 'corrections', source, messages } : null);
  };

  const openSaved = (saved: SavedScenario) => {
    const decoded = decodeLink(saved.link);
    if (!decoded.ok) {
      setMessage(`“${saved.name}” cannot be opened: ${decoded.error.message}`);
      return;
    }
    show(decoded.scenario, decoded.corrections, 'saved');
    setMessage(`Opened “${saved.name}”.`);
  };

  const openFile = async (file: File) => {
    const decoded = decodeScenarioFile(await file.text());
    if (!decoded.ok) {
      store
        .getState()
        .setNotice({ kind: 'link-error', source: 'file', message: decoded.error.message });
      setMessage(`${file.name} was not opened.`);
      return;
    }
    show(decoded.scenario, decoded.corrections, 'file');
    setMessage(`Opened ${file.name}.`);
  };

  return (
    <>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const scenario = store.getState().scenario;
          if (apply(saveNamed(storage, name, scenario), `Saved “${name.trim()}”.`)) setName('');
        }}
      >
        <label htmlFor={nameId} className="sr-only">
          Name of the scenario to save
        </label>
        <input
          id={nameId}
          className={input}
          placeholder="Name this scenario"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" className={menuButton}>
          Save
        </button>
      </form>
      {list.length === 0 ? (
        <p className="text-xs text-slate-400">No scenarios saved in this browser yet.</p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-y-auto" aria-label="Saved in this browser">
          {list.map((saved) =>
            renaming?.from === saved.name ? (
              <li key={saved.name}>
                <form
                  className="flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const to = renaming.to;
                    if (apply(renameSaved(storage, saved.name, to), `Renamed to “${to.trim()}”.`))
                      setRenaming(null);
                  }}
                >
                  <input
                    className={input}
                    aria-label={`New name for ${saved.name}`}
                    value={renaming.to}
                    maxLength={60}
                    autoFocus
                    onChange={(e) => setRenaming({ from: saved.name, to: e.currentTarget.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  />
                  <button type="submit" className={menuButton}>
                    OK
                  </button>
                </form>
              </li>
            ) : (
              <li key={saved.name} className="flex items-center gap-1">
                <button
                  type="button"
                  className="min-w-0 flex-1 truncate rounded px-1 py-1 text-left text-sky-200 hover:bg-slate-800"
                  aria-label={`Open ${saved.name}`}
                  onClick={() => openSaved(saved)}
                >
                  {saved.name}
                </button>
                <button
                  type="button"
                  className="rounded px-1 text-xs text-slate-300 hover:bg-slate-800"
                  aria-label={`Rename ${saved.name}`}
                  onClick={() => setRenaming({ from: saved.name, to: saved.name })}
                >
                  Rename
                </button>
                <button
                  type="button"
                  className="rounded px-1 text-xs text-rose-300 hover:bg-slate-800"
                  aria-label={`Delete ${saved.name}`}
                  onClick={() =>
                    apply(deleteSaved(storage, saved.name), `Deleted “${saved.name}”.`)
                  }
                >
                  Delete
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <div className="flex flex-wrap gap-2 border-t border-slate-800 pt-2">
        <button
          type="button"
          className={menuButton}
          onClick={() => {
            const file = scenarioFile(store.getState().scenario, name.trim() || undefined);
            downloadBlob(file.blob, file.filename);
          }}
        >
          Save to file
        </button>
        <button type="button" className={menuButton} onClick={() => fileInput.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="hidden"
          aria-label="Scenario file to open"
          data-testid="open-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openFile(file);
          }}
        />
      </div>
      <p role="status" className="text-xs text-slate-300 empty:hidden">
        {message}
      </p>
    </>
  );
}
