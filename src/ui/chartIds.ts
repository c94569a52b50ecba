/** The page ids of the charts a tour stage can point at (its "Show the …" button scrolls there). */

import type { TourChart } from '../scenario/tours';

export const TOUR_CHART_IDS: Record<TourChart, string> = {
  heatmap: 'chart-heatmap',
  book: 'chart-book',
};
