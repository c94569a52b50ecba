/**
 * What each tour stage says, over the price chart, in stage order (tours.ts has the stages; a
 * test checks the counts match). Loaded on demand when a tour opens: several kilobytes of text
 * the start of the page does not need. The figures are the stage's run at its seed; tests hold
 * the heatmap tour's and the scripted stage's to the run's frames.
 */

/** The sandbox, the last stage of every tour. */
const SANDBOX =
  'Every control is here now. Change one thing — a deeper book, lower leverage, a bigger insurance fund — press Play, and see which moments still happen.';

export const TOUR_NOTES: Readonly<Record<string, readonly string[]>> = {
  anatomy: [
    'At minute 60 the index starts to fall 8 % over ten minutes: the shock, from outside the market. The dashed line is the same market with the liquidation engine off; so far the two agree.',
    'Minute 62: the first positions run out of margin. The exchange takes them over and sells them into the book at market, and that selling pushes the price below the dashed line.',
    'Minute 63: half the resting depth within 5 % of the price is gone (see the order-book chart). Each forced sale now moves the price further, and breaches the next positions sooner.',
    'Minute 80: positions sold below their bankruptcy price left losses, and the insurance fund ($2 M here) has paid them until it was empty.',
    'With the fund empty, the exchange closes winning positions on the other side at the bankruptcy price: auto-deleveraging. Here it starts in the same minute the fund runs out; traders who were right pay for the cascade.',
    'Play to the end: makers refill the book and the price climbs back towards the dashed line. In all, the price fell 19 % against 10 % without liquidations (1.9× amplification); $134 M was liquidated and $56 M closed by ADL.',
    'Minute 70, as the shock ends: the makers pull half their depth (the green dot; the event log says so), in this market and in the dashed one alike. Without liquidations that costs little: the dashed line falls 10 % either way. With them the price falls 24 % instead of 19 % (2.3× amplification, not 1.9×), $156 M is liquidated instead of $134 M, and ADL, from minute 94, closes $78 M instead of $56 M. Depth matters most when someone must sell.',
    SANDBOX,
  ],
  safeguards: [
    '25× longs, 80 % of the open interest long, a 5 % drop. The price falls 27 %, 3.8 times the 7 % it falls with liquidations off; the fund runs out at minute 93, $54 M of winning positions are auto-deleveraged and $7.1 M is bad debt. (At 25× the noise alone liquidates a few positions at minute 8.)',
    'Changed: positions are checked against a mark that follows the index, not the last trade. The fall is 19 % (2.6×) instead of 27 %, bad debt $1.8 M. It does not stop the selling: the fund still runs out (minute 116) and ADL is as large.',
    'Changed: matching halts for 20 minutes after a 2 % move within 5. The first halt is at minute 63, and makers refill the book during it. The fall is 17 % (2.3×), bad debt $0.4 M; the fund lasts until minute 127, but ADL ($52 M) still comes.',
    'Changed: a large position is first cut to a lower tier instead of closed. Here it changes almost nothing (27 % again, bad debt $7.3 M): the positions of this market are small, below the first tier, so there is nothing to cut.',
    'Changed: the engine sells at most $2 M a minute. The fall is the same (28 %), recovery is slower and bad debt doubles ($14.4 M): positions waiting in the queue lose more while the price falls. Spreading the selling does not help when the queue dwarfs the limit.',
    'Changed: a $50 M vault takes positions over at their bankruptcy price. Bad debt is gone ($0), but the price falls further (32 %, 4.4×) and has not recovered by the end: the vault sells what it took back into the book. It protects the exchange’s books, not the price.',
    'Changed: a Binance-style engine closes each position in the minute it is breached. The fall is 7.4 %, almost the 7.2 % without liquidations, and no bad debt. What the book cannot take goes to the fund at the bankruptcy price, $5 M of it (all its equity can carry), and ADL closes the other $60.6 M against winning shorts, off the book. $126 M is still liquidated, but it never piles up into an overhang.',
    SANDBOX,
  ],
  heatmaps: [
    'This is the liquidation heatmap a trading terminal draws. It cannot see positions: it spreads each candle’s new open interest over assumed leverages (10, 25, 50, 100×), half long, half short. The line under the map says how far that is from the truth: at minute 60, as the shock starts, it misses 37 % of the real fuel within ±5 % of the price and invents 19 % of its own.',
    'The same minute, the engine’s true map: where the positions’ liquidation prices really are. The broad bands agree — both come from the same entries — but the terminal piles fuel just under and over the price at 50× and 100× that few hold, and cannot know the lower-leverage longs further down.',
    'Now the estimate is given the population’s true mix of leverage, which no terminal knows. At minute 60 it misses 28 % and invents 13 % (against 37 % and 19 %): better, not right — it still guesses the sides and spreads entries evenly over the week.',
    'Minute 85, back to the usual tiers: the fund has run out and ADL closes winning shorts, which no terminal sees. Around the price the terminal’s map is almost empty — it misses 94 % of the true fuel within ±5 %. Its candles’ lows traded through those levels (the last price printed 51,930 at minute 84), so it deleted them; but positions are liquidated on the mark, which follows the index and never fell below 54,185. The longs in between are still open: the fuel of the next fall.',
    SANDBOX,
  ],
};
