/**
 * Where the model-against-reported panel goes: it and the reported figures load only when the
 * scenario is an episode or a what-if of one (bundle budget: most runs are not episodes).
 */

import { lazy, Suspense } from 'react';
import { isNearEpisode } from '../../scenario/episodeNames';
import { selectScenario } from '../../state/selectors';
import { useAppStore } from '../../state/react';

const EpisodePanel = lazy(() =>
  import('./EpisodePanel').then((m) => ({ default: m.EpisodePanel })),
);

export function EpisodeSlot({ collapsed }: { collapsed: boolean }) {
  const near = useAppStore((s) => isNearEpisode(selectScenario(s)));
  if (!near) return null;
  return (
    <Suspense fallback={null}>
      <EpisodePanel collapsed={collapsed} />
    </Suspense>
  );
}
