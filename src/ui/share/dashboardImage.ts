/**
 * The whole dashboard as one PNG, for slides: the title, the headline figures, the three charts
 * as on screen, and the link that reproduces the run.
 */

import { PALETTE } from '../../charts/colors';
import { chartPngBlob, chartRoot, type ChartName } from './chartImage';
import type { Figure } from '../figures';

const WIDTH = 1600;
const PAD = 24;

async function bitmap(name: ChartName, scale: number): Promise<ImageBitmap | null> {
  const root = chartRoot(name);
  return root ? createImageBitmap(await chartPngBlob(root, scale)) : null;
}

/** Draws `image` into a box, keeping its aspect ratio; returns the height used. */
function place(
  ctx: CanvasRenderingContext2D,
  image: ImageBitmap | null,
  x: number,
  y: number,
  w: number,
) {
  if (!image) return 0;
  const h = Math.round((image.height / image.width) * w);
  ctx.drawImage(image, x, y, w, h);
  return h;
}

export async function dashboardPngBlob(figures: readonly Figure[], link: string): Promise<Blob> {
  const [price, heatmap, depth] = await Promise.all(
    (['price', 'heatmap', 'depth'] as const).map((n) => bitmap(n, 2)),
  );
  const inner = WIDTH - 2 * PAD;
  const half = (inner - PAD) / 2;
  const height = (image: ImageBitmap | null, w: number) =>
    image ? Math.round((image.height / image.width) * w) : 0;
  const figureRows = Math.ceil(figures.length / 5);
  const top = PAD + 40 + figureRows * 56 + PAD;
  const total =
    top + height(price, inner) + PAD + Math.max(height(heatmap, half), height(depth, half)) + 64;

  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = total;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw an image of the dashboard.');
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(0, 0, WIDTH, total);
  const font = getComputedStyle(document.body).fontFamily;
  ctx.fillStyle = PALETTE.text;
  ctx.font = `600 28px ${font}`;
  ctx.fillText('Cascade Lab', PAD, PAD + 28);

  const cell = inner / 5;
  figures.forEach((f, i) => {
    const x = PAD + (i % 5) * cell;
    const y = PAD + 52 + Math.floor(i / 5) * 56;
    ctx.fillStyle = '#94a3b8'; // slate-400, as the labels on the page
    ctx.font = `14px ${font}`;
    ctx.fillText(f.label, x, y);
    ctx.fillStyle = PALETTE.text;
    ctx.font = `600 22px ${font}`;
    ctx.fillText(f.value, x, y + 26);
  });

  let y = top;
  y += place(ctx, price, PAD, y, inner) + PAD;
  const lower = Math.max(
    place(ctx, heatmap, PAD, y, half),
    place(ctx, depth, PAD * 2 + half, y, half),
  );
  ctx.fillStyle = '#94a3b8';
  ctx.font = `14px ${font}`;
  ctx.fillText(link, PAD, y + lower + 36, inner);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The image could not be made.'))),
      'image/png',
    ),
  );
}
