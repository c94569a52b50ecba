import { BUCKET_COLUMNS, SCALAR_COLUMNS } from '../src/engine/frame';
import { PROTOCOL_VERSION } from '../src/worker/protocol';
import { expect, test } from './fixtures';
import { LONG, SHORT, setSpeed, shownStep, waitReady } from './helpers';

test('a worker error shows its message and Restart brings the run back', async ({ page }) => {
  await page.goto(LONG);
  await waitReady(page);
  await setSpeed(page, '60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(5);

  // The page's test hook (see src/main.tsx): makes the worker throw inside a handler.
  await page.evaluate(() => {
    const lab = (window as { __cascadeLab?: { crashWorker(): void } }).__cascadeLab;
    lab?.crashWorker();
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The simulation stopped');
  await expect(alert).toContainText('crashed on purpose');
  // The page is still there: charts and controls stay on screen.
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();

  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(5);
});

test('a malformed message from the worker becomes a readable error, not a blank page', async ({
  page,
}) => {
  // A worker of another build: its `ready` is fine, its frames carry a report missing fields.
  const fake = `
    const row = () => {
      const scalars = {}, buckets = {};
      for (const c of ${JSON.stringify(SCALAR_COLUMNS)}) scalars[c] = new Float64Array(1);
      for (const c of ${JSON.stringify(BUCKET_COLUMNS)}) buckets[c] = new Float32Array(4);
      return { start: 0, count: 1, capacity: 1, bucketCount: 4, scalars, buckets };
    };
    self.onmessage = (e) => {
      const m = e.data;
      const row = () => {
        const scalars = {}, buckets = {};
        for (const c of ${JSON.stringify(SCALAR_COLUMNS)}) scalars[c] = new Float64Array(1);
        for (const c of ${JSON.stringify(BUCKET_COLUMNS)}) buckets[c] = new Float32Array(4);
        return { start: 0, count: 1, capacity: 1, bucketCount: 4, scalars, buckets };
      };
      if (m.type === 'load') {
        self.generation = m.generation;
        self.postMessage({ type: 'ready', runId: m.runId, generation: m.generation,
          protocol: ${PROTOCOL_VERSION}, info: { steps: 200, bucketCount: 4, bucketLow: 50000,
          bucketHigh: 70000, startPrice: 60000, openInterest: 3e8, liquidity: 2e7,
          shockStep: 20, shockSteps: 5 }, opening: row() });
      }
      if (m.type === 'step') {
        self.postMessage({ type: 'frames', runId: m.runId, generation: self.generation,
          batch: row(), report: { maxDrawdown: 0.1 } });
      }
    };`;
  await page.route('**/sim-worker-*.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }),
  );
  await page.goto(SHORT);
  await waitReady(page);
  await page.getByRole('button', { name: 'Step' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The simulation stopped');
  await expect(alert).toContainText('malformed message: frames report.stepsRun is not a number');
  await expect(page.getByRole('heading', { level: 1, name: 'Cascade Lab' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();

  // The real worker again: Restart brings the run back.
  await page.unroute('**/sim-worker-*.js');
  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toHaveCount(0);
  await waitReady(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 1 / 200');
});

test('a worker that hangs mid-run is noticed within seconds, and Restart brings the run back', async ({
  page,
}) => {
  await page.goto(LONG);
  await waitReady(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(5);

  // The test hook again: the worker's handler never returns, so it sends nothing more.
  await page.evaluate(() => {
    const lab = (window as { __cascadeLab?: { crashWorker(mode?: string): void } }).__cascadeLab;
    lab?.crashWorker('hang');
  });
  const alert = page.getByRole('alert');
  // The heartbeat's deadline is 6 s; allow for a loaded machine beyond it.
  await expect(alert).toContainText('has not answered for 6 s while playing', { timeout: 60_000 });
  const stuck = await shownStep(page);

  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(0);
  expect(stuck).toBeGreaterThan(5);
});
