/** Share, keep and export: the controls that take a scenario or a run out of the page. */

import { CopyLink } from './CopyLink';
import { ExportMenu } from './ExportMenu';
import { SavedScenarios } from './SavedScenarios';

export function ShareBar() {
  return (
    <div role="group" aria-label="Share and export" className="flex flex-wrap items-center gap-2">
      <CopyLink />
      <SavedScenarios />
      <ExportMenu />
    </div>
  );
}
