/** Snapshot text of a chart model: stable JSON with every number rounded to 0.1. */
export function snapshotText(model: unknown): string {
  return `${JSON.stringify(model, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v), 2)}\n`;
}
