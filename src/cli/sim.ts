/**
 * `npm run --silent sim -- [LINK] [--json] [--frames FILE.csv] [--buckets FILE.csv]`: runs one
 * scenario headless and prints its report. Thin on purpose: arguments, link policy, CSV and
 * formatting live in their own modules, with tests.
 *
 * Failures are one line on stderr and no stack trace: exit 2 for a bad link or bad arguments
 * (found before the engine is loaded), exit 1 for anything unexpected.
 */

import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from './args';
import { bucketCsvLines, scalarCsvLines, writeLines } from './csv';
import { formatSummary } from './format';
import { helpText } from './help';
import { scenarioFromLink } from './link';
import { encodeScenario } from '../scenario/codec';
import { errorMessage } from '../shared/errorMessage';

const NAME = 'cascade-sim';

/** A failure the user can fix: exit 2. */
class UsageError extends Error {}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const say = (text: string) => process.stderr.write(`${NAME}: ${oneLine(text)}\n`);

/** Fails before the run, not after it, when an output file cannot be written. */
function checkWritable(path: string): void {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${path}: its folder does not exist or is not writable`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.kind === 'error') throw new UsageError(parsed.message);
  const { link, json, frames, buckets } = parsed.options;
  const outcome = scenarioFromLink(link);
  if (!outcome.ok) throw new UsageError(outcome.message);
  for (const warning of outcome.warnings) say(`warning: ${warning}`);
  if (frames !== undefined) checkWritable(frames);
  if (buckets !== undefined) checkWritable(buckets);

  const { scenario } = outcome;
  // Loaded only once the link is known to be good, so a bad link fails fast.
  const { runScenario } = await import('../engine/run');
  const run = runScenario(scenario);
  if (frames !== undefined) writeLines(frames, scalarCsvLines(run.frames));
  if (buckets !== undefined) writeLines(buckets, bucketCsvLines(run.frames, run.info));

  const out = json
    ? JSON.stringify({ ...run.report, scenario }, null, 2) + '\n'
    : formatSummary(run.report, scenario, encodeScenario(scenario));
  process.stdout.write(out);
  return 0;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError;
    const message = errorMessage(err);
    say(usage ? message : `unexpected error: ${message}`);
    process.exitCode = usage ? 2 : 1;
  },
);
