/**
 * A chart as an image file, read from what is on screen: the SVG on its own (axes, lines and
 * marks are SVG), or a PNG of its layers in order — the heatmap's canvas, then the SVG over it.
 * The root's font and text colour come from the page's CSS, so they are written into the SVG,
 * which must stand alone.
 */

import { PALETTE } from '../../charts/colors';

export type ChartName = 'price' | 'heatmap' | 'depth';

/** The drawn root of a chart on the page, or null if it is not mounted. */
export function chartRoot(name: ChartName): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.cascade-chart-${name}`);
}

/** Whether the chart is all SVG (so an SVG file holds all of it). */
export function isSvgOnly(root: HTMLElement): boolean {
  return root.querySelector('canvas') === null;
}

/** The chart's SVG as a standalone document; `background` paints the page's ground under it. */
export function chartSvgText(root: HTMLElement, background = true): string {
  const svg = root.querySelector('svg');
  if (!svg) throw new Error('The chart has nothing drawn yet.');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(root);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('aria-hidden');
  copy.style.fontFamily = style.fontFamily;
  copy.style.color = style.color;
  copy.style.fontVariantNumeric = 'tabular-nums';
  copy.style.position = '';
  copy.style.left = '';
  copy.style.top = '';
  if (background) {
    const back = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    back.setAttribute('width', '100%');
    back.setAttribute('height', '100%');
    back.setAttribute('fill', PALETTE.background);
    copy.insertBefore(back, copy.firstChild);
  }
  return new XMLSerializer().serializeToString(copy);
}

async function svgImage(text: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The chart as a PNG, at `scale` × its CSS size (2 for slides). */
export async function chartPngBlob(root: HTMLElement, scale = 2): Promise<Blob> {
  const box = root.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(box.width * scale));
  canvas.height = Math.max(1, Math.round(box.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw an image of the chart.');
  ctx.scale(scale, scale);
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(0, 0, box.width, box.height);
  for (const layer of root.querySelectorAll<HTMLCanvasElement>(':scope > canvas')) {
    const r = layer.getBoundingClientRect();
    ctx.drawImage(layer, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  const svg = root.querySelector('svg');
  if (svg) {
    const r = svg.getBoundingClientRect();
    const img = await svgImage(chartSvgText(root, false)); // over the canvas layers
    ctx.drawImage(img, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The image could not be made.'))),
      'image/png',
    ),
  );
}
