/** What the model is and is not: a thinking tool, not a forecast (docs/model.md has the detail). */

import { DialogButton } from './Dialog';

export function AssumptionsDialog() {
  return (
    <DialogButton label="Assumptions" title="A thinking tool, not a forecast">
      <div className="space-y-2 text-sm text-slate-200">
        <p>
          A toy market built to show one mechanism: liquidated traders’ forced selling pushes the
          price into the next traders’ liquidation prices. The same link gives the same run.
        </p>
        <p>
          <b>It has</b> one coin on one exchange with an order book whose market makers pull back in
          a storm; thousands of leveraged traders on isolated margin; a shock from outside; and the
          same market without liquidations beside it, to measure what they added.
        </p>
        <p>
          <b>It leaves out</b> other coins and venues, cross margin, new positions during the run,
          news, outages and people changing their minds.
        </p>
        <p>
          Its numbers are not predictions. The episode presets set them beside what was reported;
          the misses show what such a model cannot say. More: docs/model.md.
        </p>
      </div>
    </DialogButton>
  );
}
