/** The charts' hover tooltip: plain text in a box that stays inside the chart. */

import { PALETTE } from './colors';

/** A plain-text tooltip inside the chart's root; data goes in as textContent, never HTML. */
export interface Tooltip {
  show(lines: string[], x: number, y: number): void;
  hide(): void;
}

export function createTooltip(root: HTMLElement): Tooltip {
  const tip = document.createElement('div');
  tip.className = 'cascade-chart-tooltip';
  Object.assign(tip.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    display: 'none',
    pointerEvents: 'none',
    zIndex: '1',
    whiteSpace: 'pre',
    background: 'rgba(15, 23, 42, 0.95)',
    border: '1px solid #334155',
    borderRadius: '4px',
    padding: '4px 6px',
    fontSize: '12px',
    lineHeight: '1.35',
    color: PALETTE.text,
  });
  root.appendChild(tip);
  return {
    show(lines, x, y) {
      tip.textContent = lines.join('\n');
      tip.style.display = 'block';
      const w = tip.offsetWidth;
      const h = tip.offsetHeight;
      const left = x + 12 + w > root.clientWidth ? Math.max(0, x - 12 - w) : x + 12;
      const top = y + 12 + h > root.clientHeight ? Math.max(0, y - 12 - h) : y + 12;
      tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      tip.style.display = 'none';
    },
  };
}
