/**
 * Keyboard: space plays and pauses, the right arrow steps (held down, it keeps stepping). Keys
 * that the focused control uses itself are left to it: space on buttons, selects and text
 * fields, arrows on sliders. A held space toggles once: its auto-repeats are ignored.
 */

import { useEffect } from 'react';
import type { Controller } from '../state/controller';

function usesSpace(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return el.type !== 'range';
  return (
    el instanceof HTMLButtonElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLAnchorElement ||
    el.tagName === 'SUMMARY' ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

function usesArrows(el: Element | null): boolean {
  if (!el) return false;
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

export function useKeyboard(controller: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (e.key === ' ' && !usesSpace(target)) {
        e.preventDefault(); // no page scroll, also while it repeats
        if (!e.repeat) controller.togglePlay();
      } else if (e.key === 'ArrowRight' && !usesArrows(target)) {
        e.preventDefault();
        controller.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
