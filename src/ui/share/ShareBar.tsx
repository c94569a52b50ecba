/** Share, keep and export: the controls that take a scenario or a run out of the page. */

import { CopyLink } from './CopyLink';
import { lazy, Suspense } from 'react';
import { Menu } from './Menu';

// The saved-scenarios and export panels load when their menu first opens (bundle budget).
const ExportPanel = lazy(() => import('./ExportMenu').then((m) => ({ default: m.ExportPanel })));
const SavedPanel = lazy(() => import('./SavedScenarios').then((m) => ({ default: m.SavedPanel })));

export function ShareBar() {
  return (
    <div role="group" aria-label="Share and export" className="flex flex-wrap items-center gap-2">
      <CopyLink />
      <Menu title="Saved" label="Saved scenarios">
        <Suspense fallback={<p className="text-sm text-slate-400">Opening…</p>}>
          <SavedPanel />
        </Suspense>
      </Menu>
      <Menu title="Export" label="Export">
        <Suspense fallback={<p className="text-sm text-slate-400">Opening…</p>}>
          <ExportPanel />
        </Suspense>
      </Menu>
    </div>
  );
}
