/**
 * Whether the page is laid out for a phone or a narrow tablet (below Tailwind's `lg`, where
 * the controls become a bottom sheet), read once at mount: a layout choice made at start (which
 * groups start collapsed) must not flip under the user's fingers when the keyboard opens.
 */

import { useState, useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 1023.98px)';

export function useNarrowAtStart(): boolean {
  const [narrow] = useState(
    () => typeof window !== 'undefined' && !!window.matchMedia?.(NARROW_QUERY).matches,
  );
  return narrow;
}

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia?.(NARROW_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the page is laid out narrow now (follows the window as it is resized or turned). */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => !!window.matchMedia?.(NARROW_QUERY).matches,
    () => false,
  );
}
