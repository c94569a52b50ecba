/**
 * `npm run --silent sim -- [LINK] [--json] [--frames FILE.csv] [--buckets FILE.csv]`: runs one
 * scenario headless and prints its report. `sim sweep …` and `sim compare …` run many
 * (sweep.ts, compare.ts). Thin on purpose: arguments, link policy, CSV and formatting live in
 * their own modules, with tests.
 *
 * Failures are one line on stderr and no stack trace: exit 2 for a bad link or bad arguments
 * (found before the engine is loaded), exit 1 for anything unexpected.
 */

import { closeSync, existsSync, openSync, unlinkSync } from 'node:fs';
import { parseArgs } from './args';
import { writeLines } from './csv';
import { formatSummary } from './format';
import { helpText } from './help';
import { scenarioFromLink } from './link';
import { encodeScenario } from '../scenario/codec';
import { UsageError } from './usage';
import { bucketCsvLines, reportJson, scalarCsvLines } from '../scenario/export';
import { errorMessage } from '../shared/errorMessage';
import { findPreset, PRESETS } from '../scenario/presets';

const NAME = 'cascade-sim';

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const say = (text: string) => process.stderr.write(`${NAME}: ${oneLine(text)}\n`);

const FS_REASONS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

function cannotWrite(path: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const reason = FS_REASONS[code] ?? (err instanceof Error ? err.message : String(err));
  return new UsageError(`cannot write ${path}: ${reason}`);
}

/**
 * Fails before the run, not after it, when an output file cannot be written: opens the file
 * itself for appending (a folder, a missing folder, a read-only file or file system all fail
 * here, even as root), and removes it again if it was not there before.
 */
function checkWritable(path: string): void {
  const existed = existsSync(path);
  try {
    closeSync(openSync(path, 'a'));
    if (!existed) unlinkSync(path);
  } catch (err) {
    throw cannotWrite(path, err);
  }
}

/** Writes one CSV; a failure (a full disk) is the user's to fix, not an unexpected error. */
function writeCsv(path: string, lines: Iterable<string>): void {
  try {
    writeLines(path, lines);
  } catch (err) {
    throw cannotWrite(path, err);
  }
}

/** A progress line on stderr, redrawn in place, only when a person is watching. */
function progressLine(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${NAME}: ${done}/${total} runs${done === total ? '\n' : ''}`);
  };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'compare' || argv[0] === 'sweep') {
    const rest = argv.slice(1);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(helpText());
      return 0;
    }
    const warn = (w: string) => say(`warning: ${w}`);
    const out =
      argv[0] === 'compare'
        ? await (await import('./compare')).compareCommand(rest, warn, progressLine())
        : await (await import('./sweep')).sweepCommand(rest, warn, progressLine());
    process.stdout.write(out);
    return 0;
  }
  if (argv[0] === 'presets') {
    const json = argv.slice(1).includes('--json');
    const rows = PRESETS.map(({ name, title, lesson }) => ({ name, title, lesson }));
    process.stdout.write(
      json
        ? `${JSON.stringify(rows, null, 2)}\n`
        : rows.map((r) => `${r.name}\t${r.title}: ${r.lesson}\n`).join(''),
    );
    return 0;
  }
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.kind === 'error') throw new UsageError(parsed.message);
  const { link, json, frames, buckets, preset: presetName } = parsed.options;
  const preset = presetName === undefined ? undefined : findPreset(presetName);
  if (presetName !== undefined && preset === undefined) {
    throw new UsageError(`unknown preset ${JSON.stringify(presetName)} (see \`sim presets\`)`);
  }
  if (preset !== undefined && link !== undefined) {
    throw new UsageError('--preset runs a preset as it is; give either a preset or a link');
  }
  const outcome = scenarioFromLink(preset === undefined ? link : encodeScenario(preset.scenario));
  if (!outcome.ok) throw new UsageError(outcome.message);
  for (const warning of outcome.warnings) say(`warning: ${warning}`);
  if (frames !== undefined) checkWritable(frames);
  if (buckets !== undefined) checkWritable(buckets);

  const { scenario } = outcome;
  // Loaded only once the link is known to be good, so a bad link fails fast.
  const { runScenario } = await import('../engine/run');
  const run = runScenario(scenario);
  const out = json
    ? reportJson(run.report, scenario)
    : formatSummary(run.report, scenario, encodeScenario(scenario));
  // The report first: should a file fail to write after all (a full disk), it is not lost.
  process.stdout.write(out);
  if (frames !== undefined) writeCsv(frames, scalarCsvLines(run.frames));
  if (buckets !== undefined) writeCsv(buckets, bucketCsvLines(run.frames, run.info));
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
