/** The height (px) of an element, kept up to date as it wraps or resizes. */

import { useCallback, useState } from 'react';

export function useHeight<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [height, setHeight] = useState(0);
  // A ref callback: observes the element while it is mounted, and stops when it goes.
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.offsetHeight));
    observer.observe(el);
    setHeight(el.offsetHeight);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}
