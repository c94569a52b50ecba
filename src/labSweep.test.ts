/**
 * The criticality lab's results equal `sim sweep`'s for the same grid: the browser path (the
 * lab's plan, the report pool — here its in-process member, as Vitest has no Web Workers — and
 * the shared sweepRow/criticalShocks) against the CLI's runSweep, field by field. At the root of
 * src because it is the one test that joins the browser's worker layer and the CLI.
 */

import { describe, expect, it } from 'vitest';
import { parseSweepArgs, runSweep } from './cli/sweep';
import { scenarioFromLink } from './cli/link';
import { labRows, labScenarios, planLab } from './scenario/analysis/labGrid';
import { criticalShocks, DEFAULT_CASCADE_SHARE } from './scenario/analysis/sweepRows';
import { createReportPool } from './worker/reportPool';

const LINK = '?positions=600&steps=90&mark=last&quoteMid=last';

describe('the lab against sim sweep', () => {
  it('gives the same rows and critical shocks for the same grid', async () => {
    const args = parseSweepArgs(
      [
        LINK,
        '--vary',
        'leverage=10,25',
        '--vary',
        'shock=-2:-14:4',
        '--seeds',
        '3',
        '--threads',
        '1',
      ],
      () => {},
    );
    const cli = await runSweep(args);
    const cliCritical = criticalShocks(cli, args.names);

    const base = scenarioFromLink(LINK);
    if (!base.ok) throw new Error(base.message);
    const plan = planLab('-2:-14:4', 'leverage', '10,25', 3);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.names).toEqual(args.names);
    const pool = createReportPool({ size: 2 });
    // In two calls, as the lab fills its cells in chunks.
    const half = 3;
    const first = await pool.run(labScenarios(base.scenario, plan.value, 0, half));
    const second = await pool.run(labScenarios(base.scenario, plan.value, half));
    pool.dispose();
    const lab = [
      ...labRows(plan.value, first, DEFAULT_CASCADE_SHARE, 0),
      ...labRows(plan.value, second, DEFAULT_CASCADE_SHARE, half),
    ];
    expect(lab).toHaveLength(cli.length);
    for (const [i, row] of cli.entries()) {
      expect(lab[i].point).toEqual(row.point);
      expect(lab[i].pCascade).toBe(row.pCascade);
      expect(lab[i].cascaded).toEqual(row.cascaded);
      expect(lab[i].figures).toEqual(row.figures);
    }
    expect(criticalShocks(lab, plan.value.names)).toEqual(cliCritical);
    // Not a vacuous match: the grid has cascades and calm cells.
    expect(cli.some((r) => r.pCascade > 0)).toBe(true);
    expect(cli.some((r) => r.pCascade < 1)).toBe(true);
  });
});
