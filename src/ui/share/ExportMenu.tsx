/**
 * Export: the run's frames, buckets and report (the CLI's shapes), and each chart as an image. In
 * compare mode, A's files and B's, each run's in the CLI's shape of one run (`sim --json` has no
 * shape for two).
 */

import { useState } from 'react';
import { useApp, useAppStore, useThrottledAppStore } from '../../state/react';
import { selectIsComparing } from '../../state/selectors';
import type { ChartName } from './chartImage';
import { reportFigures } from '../figures';
import { shareUrl } from '../../state/urlSync';
import { downloadBlob } from './download';
import { fileStem, hasRun, runFile, type RunFileKind, type RunSide } from './runFiles';
import { menuButton } from './styles';

const DATA: readonly { kind: RunFileKind; label: string }[] = [
  { kind: 'frames', label: 'Frames (CSV)' },
  { kind: 'buckets', label: 'Buckets (CSV)' },
  { kind: 'report', label: 'Report (JSON)' },
];

const CHARTS: readonly { name: ChartName; label: string; svg: boolean }[] = [
  { name: 'price', label: 'Price chart', svg: true },
  { name: 'heatmap', label: 'Heatmap', svg: false },
  { name: 'depth', label: 'Order book', svg: true },
];

// The image makers load on first use: most visits never export a picture (bundle budget).
const chartImage = () => import('./chartImage');
const dashboardImage = () => import('./dashboardImage');

/** The Export menu's panel (loaded when the menu first opens: ShareBar). */
export function ExportPanel() {
  const { store } = useApp();
  const comparing = useAppStore(selectIsComparing);
  const ready = useThrottledAppStore(hasRun, 250);
  const readyB = useThrottledAppStore((s) => hasRun(s, 'b'), 250);
  const [problem, setProblem] = useState('');
  /** The file being made (a long run's CSV takes a while, in a worker), or null. */
  const [making, setMaking] = useState<{ kind: RunFileKind; side: RunSide } | null>(null);

  const exportData = async (kind: RunFileKind, side: RunSide) => {
    // One file at a time; the buttons stay enabled so keyboard focus stays on them.
    if (making) return;
    setMaking({ kind, side });
    setProblem('');
    try {
      const file = await runFile(store.getState(), kind, side);
      if (!file) return setProblem('Run at least one step first.');
      downloadBlob(file.blob, file.filename);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The file could not be made.');
    } finally {
      setMaking(null);
    }
  };

  const exportChart = async (name: ChartName, format: 'png' | 'svg') => {
    try {
      const { chartPngBlob, chartRoot, chartSvgText, isSvgOnly } = await chartImage();
      const root = chartRoot(name);
      if (!root) throw new Error('The chart is not on the page.');
      const stem = `${fileStem(store.getState().scenario)}-${name}`;
      if (format === 'svg' && isSvgOnly(root)) {
        const blob = new Blob([chartSvgText(root)], { type: 'image/svg+xml' });
        downloadBlob(blob, `${stem}.svg`);
      } else downloadBlob(await chartPngBlob(root), `${stem}.png`);
      setProblem('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The image could not be made.');
    }
  };

  const exportDashboard = async () => {
    try {
      const s = store.getState();
      const figures = reportFigures(hasRun(s) ? s.report : null, s.scenario);
      const link = shareUrl(s.scenario, {}, window.location);
      const { dashboardPngBlob } = await dashboardImage();
      downloadBlob(await dashboardPngBlob(figures, link), `${fileStem(s.scenario)}-dashboard.png`);
      setProblem('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The image could not be made.');
    }
  };

  return (
    <>
      <p className="text-xs text-slate-400">
        {comparing ? 'Each run' : 'The run'} so far, in the shapes of the command line&apos;s
        --frames, --buckets and --json.
      </p>
      {(comparing ? (['a', 'b'] as const) : (['only'] as const)).map((side) => (
        <div key={side} className="flex flex-wrap items-center gap-2">
          {side !== 'only' && (
            <span className="w-4 font-semibold text-slate-300" aria-hidden>
              {side.toUpperCase()}
            </span>
          )}
          {DATA.map((d) => (
            <button
              key={d.kind}
              type="button"
              className={menuButton}
              disabled={!(side === 'b' ? readyB : ready)}
              aria-busy={making?.kind === d.kind && making.side === side}
              // In compare mode each run's buttons say whose file they make.
              aria-label={side === 'only' ? undefined : `${d.label} of ${side.toUpperCase()}`}
              onClick={() => void exportData(d.kind, side)}
            >
              {d.label}
            </button>
          ))}
        </div>
      ))}
      <p role="status" className="text-xs text-slate-400 empty:hidden">
        {making &&
          `Making ${making.side === 'only' ? 'the' : `${making.side.toUpperCase()}'s`} ${making.kind} file…`}
      </p>
      <div className="space-y-1">
        {CHARTS.map((c) => (
          <div key={c.name} className="flex items-center justify-between gap-2">
            <span className="text-slate-300">{c.label}</span>
            <span className="flex gap-1">
              <button
                type="button"
                className={menuButton}
                aria-label={`${c.label} as PNG`}
                onClick={() => void exportChart(c.name, 'png')}
              >
                PNG
              </button>
              {c.svg && (
                <button
                  type="button"
                  className={menuButton}
                  aria-label={`${c.label} as SVG`}
                  onClick={() => void exportChart(c.name, 'svg')}
                >
                  SVG
                </button>
              )}
            </span>
          </div>
        ))}
      </div>
      <button type="button" className={menuButton} onClick={() => void exportDashboard()}>
        Dashboard (PNG)
      </button>
      <p role="status" className="text-xs text-amber-200 empty:hidden">
        {problem}
      </p>
    </>
  );
}
