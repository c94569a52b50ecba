/**
 * The charts' public surface for the UI: three chart factories with the same lifecycle
 * (create on mount, update with the run's frames, resize, destroy), their options, and the
 * palette and formatters so panels around the charts can match them.
 */

export type { BaseChartOptions, Chart } from './chart';
export { createPriceChart, type PriceChartEvents, type PriceChartOptions } from './priceChart';
export { createHeatmapChart, type FuelColumn, type HeatmapChartOptions } from './heatmapChart';
export { createDepthChart, type DepthChartOptions } from './depthChart';
export { PALETTE } from './colors';
export { formatPct, formatUsd, formatUsdPrecise } from './format';
export { hasCursor, type CursorChart } from './cursor';
export { sharedDrawQueue } from './drawQueue';
export { BAD_DEBT_MIN_USD, MARKER_EVENTS, eventLog, type LogEntry } from './events';
export { createEventLogReader } from './eventLogReader';
