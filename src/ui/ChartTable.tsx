/**
 * A chart's data as a table inside a closed <details>: built only while it is open, from the
 * minutes the chart shows (up to the scrubber's), and refreshed a few times a second at most.
 */

import { useMemo, useState } from 'react';
import { historyUpTo } from '../state/history';
import type { AppState } from '../state/store';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { chartTable, type ChartTableKind } from './chartTables';

const selectVersion = (s: AppState) => (s.readyGeneration === s.generation ? s.framesVersion : -1);

function Table({ kind, title }: { kind: ChartTableKind; title: string }) {
  const version = useThrottledAppStore(selectVersion, 500);
  const frames = useAppStore((s) => s.frames);
  const viewStep = useAppStore((s) => s.viewStep);
  const table = useMemo(
    () => (version < 0 || !frames ? null : chartTable(historyUpTo(frames, viewStep), kind)),
    [version, frames, viewStep, kind],
  );
  if (!table || table.rows.length === 0) return <p className="text-slate-400">No minutes yet.</p>;
  return (
    <div className="max-h-64 overflow-auto">
      <table className="w-full text-right tabular-nums">
        <caption className="text-left text-slate-400">
          {title}, {table.every === 1 ? 'every minute' : `every ${table.every} minutes`}
        </caption>
        <thead>
          <tr>
            {table.headers.map((h) => (
              <th key={h} scope="col" className="px-1 font-medium text-slate-300">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row[0]} className="odd:bg-slate-800/40">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-1 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-1">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChartTable({ kind, title }: { kind: ChartTableKind; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="mt-2 text-xs text-slate-200"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm text-slate-400 select-none hover:text-slate-200">
        Data as a table
      </summary>
      {open && <Table kind={kind} title={title} />}
    </details>
  );
}
