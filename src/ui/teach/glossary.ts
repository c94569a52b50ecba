/**
 * The words a student may not know, each explained once in plain language. The Term component
 * shows one on hover, focus or tap; the glossary dialog lists them all. Keep each to a few
 * sentences: they are read on a projector.
 */

export const GLOSSARY = {
  leverage: {
    term: 'Leverage',
    text: 'Position size over the trader’s own money (margin). At 10 ×, a 10 % move against the position wipes the margin out.',
  },
  'maintenance-margin': {
    term: 'Maintenance margin',
    text: 'The least margin a position must keep, a small share of its size. Below it, the position is liquidated.',
  },
  liquidation: {
    term: 'Liquidation',
    text: 'The exchange closing a position by force because its margin ran too low, selling (or buying) into the order book at any price.',
  },
  'liquidation-price': {
    term: 'Liquidation price',
    text: 'The price at which a position falls to its maintenance margin. The higher the leverage, the closer it is to the entry price.',
  },
  'bankruptcy-price': {
    term: 'Bankruptcy price',
    text: 'The price at which a position’s margin is all gone: closing beyond it is a loss someone else covers.',
  },
  'mark-price': {
    term: 'Mark price',
    text: 'The price that decides who is liquidated: this venue’s last trade, or (smoothed) a price kept near the index, which a crash in this venue’s own book moves less.',
  },
  index: {
    term: 'Index price',
    text: 'The coin’s price on spot exchanges: the outside price the futures price is tied to.',
  },
  basis: {
    term: 'Basis',
    text: 'The gap between the futures price and the index; a clamp caps it for the mark price.',
  },
  'insurance-fund': {
    term: 'Insurance fund',
    text: 'The exchange’s reserve, filled by liquidation fees, that pays for liquidations closed beyond the bankruptcy price.',
  },
  adl: {
    term: 'Auto-deleveraging (ADL)',
    text: 'When the insurance fund is empty, winning traders on the other side are closed at the bankruptcy price to cover the loss.',
  },
  'bad-debt': {
    term: 'Bad debt',
    text: 'Losses that neither margin, the insurance fund nor ADL paid.',
  },
  depletion: {
    term: 'Book depletion',
    text: 'The share of the order book’s usual depth near the price that is missing: pulled by market makers or eaten by liquidations.',
  },
  amplification: {
    term: 'Amplification',
    text: 'The fall over the fall of the same market without liquidations. 1 × means they added nothing.',
  },
  'endogenous-share': {
    term: 'Endogenous share',
    text: 'The share of what was liquidated that the liquidations themselves caused.',
  },
  'branching-ratio': {
    term: 'Branching ratio',
    text: 'New liquidations each one sets off, on average. Under 1 the waves die out; above 1 they grow: a cascade.',
  },
} as const satisfies Record<string, { term: string; text: string }>;

export type TermKey = keyof typeof GLOSSARY;

export const TERM_KEYS = Object.keys(GLOSSARY) as TermKey[];

/** The term a figure's label is, by the figure's key (figures.ts). */
export const FIGURE_TERMS: Partial<Record<string, TermKey>> = {
  amplification: 'amplification',
  liquidations: 'liquidation',
  'insurance-fund': 'insurance-fund',
  adl: 'adl',
  'bad-debt': 'bad-debt',
  depletion: 'depletion',
};

/** The term a control's label names, by the label (params.ts). */
export const PARAM_TERMS: Partial<Record<string, TermKey>> = {
  Leverage: 'leverage',
  'Mark price': 'mark-price',
  'Basis clamp': 'basis',
  'Venue weight': 'index',
  'Insurance fund': 'insurance-fund',
  'Partial liquidation': 'maintenance-margin',
  'Liquidation engine': 'liquidation',
  'ADL policy': 'adl',
};
