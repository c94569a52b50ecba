/** The text glyph of each event, close to the symbol the price chart draws for it. */

export const EVENT_GLYPHS: Record<string, string> = {
  SHOCK: '▮',
  CASCADE_START: '▲',
  BOOK_DRY: 'Y',
  FUND_EXHAUSTED: '■',
  ADL: '◆',
  BAD_DEBT: '✚',
  HALT: '▮',
  CHANGE: '●',
};
