/** Share, keep and export: the controls that take a scenario or a run out of the page. */

import { lazy } from 'react';
import { CopyLink } from './CopyLink';
import { Menu } from './Menu';

// The saved-scenarios and export panels load on first use (bundle budget): fetched when the
// pointer or focus reaches their menu, shown when it opens (Menu).
const loadExport = () => import('./ExportMenu');
const loadSaved = () => import('./SavedScenarios');
const ExportPanel = lazy(() => loadExport().then((m) => ({ default: m.ExportPanel })));
const SavedPanel = lazy(() => loadSaved().then((m) => ({ default: m.SavedPanel })));

export function ShareBar() {
  return (
    <div role="group" aria-label="Share and export" className="flex flex-wrap items-center gap-2">
      <CopyLink />
      <Menu title="Saved" label="Saved scenarios" prefetch={() => void loadSaved()}>
        <SavedPanel />
      </Menu>
      <Menu title="Export" label="Export" prefetch={() => void loadExport()}>
        <ExportPanel />
      </Menu>
    </div>
  );
}
