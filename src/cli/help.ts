/** The text of `sim --help`, with the parameter list read from the parameter table. */

import { FACTOR_RANGE, MAX_CHANGES, SCRIPTABLE } from '../engine/script';
import { PARAMS, PARAM_KEYS } from '../scenario/params';
import type { ParamSpec } from '../scenario/params';

const WIDTH = 100;

/** Lays out rows as left-aligned columns separated by two spaces (no trailing blanks). */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) =>
    (indent + row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).trimEnd(),
  );
}

/** Wraps text at word boundaries to lines of at most `width` characters after `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** A parameter's allowed values as `--help` shows them. */
export function rangeText(spec: ParamSpec): string {
  if (spec.kind === 'bool') return '0 | 1';
  if (spec.kind === 'enum') return spec.options.join(' | ');
  const range = `${spec.min} to ${spec.max}`;
  return spec.zeroIsOff ? `${range} (0: off)` : range;
}

function defaultText(spec: ParamSpec): string {
  if (spec.kind === 'bool') return spec.default ? '1' : '0';
  return String(spec.default);
}

/** The parameter table: key, label, range, unit and default aligned, the help text below. */
export function parameterLines(): string[] {
  const header = ['key', 'label', 'range', 'unit', 'default'];
  const rows = PARAM_KEYS.map((key) => {
    const spec: ParamSpec = PARAMS[key];
    return [key, spec.label, rangeText(spec), spec.unit, defaultText(spec)];
  });
  const table = columns([header, ...rows]);
  const lines = [table[0]];
  PARAM_KEYS.forEach((key, i) => {
    lines.push(table[i + 1], ...wrap(PARAMS[key].help, WIDTH, '      '));
  });
  return lines;
}

/** The whole `--help` text, ending with a newline. */
export function helpText(): string {
  return [
    'Usage: npm run --silent sim -- [LINK] [options]',
    '',
    'Runs one Cascade Lab scenario headless and prints its report.',
    '',
    ...wrap(
      'LINK is a share link (https://host/path?v=1&seed=7&…, or with the query after #), its ' +
        'query string (v=1&seed=7&…) or a leading-? or leading-# part of it; quote it in the ' +
        'shell. Keys left out take their defaults; without LINK the default scenario runs. A ' +
        'value that would be corrected in the app (not a number, out of range) or an unknown ' +
        'key is an error here, so a script never runs a scenario it did not ask for; fractional ' +
        'whole numbers and repeated keys are only warned about.',
      WIDTH,
      '',
    ),
    '',
    'Options:',
    ...columns([
      ['--json', 'print the report and the normalised scenario as one JSON object'],
      ['--frames FILE.csv', 'write the scalar frame columns, one row per step'],
      ['', '(the per-price-bucket columns are not in this file: see --buckets)'],
      ['--buckets FILE.csv', 'write the per-bucket columns in long format, one row per step and'],
      ['', 'bucket: step,bucketLow,bucketHigh,predicted,realised,bid,ask,baseline'],
      ['--preset NAME', 'run a named preset instead of a link (`sim presets` lists them,'],
      ['', '`sim presets --json` as [{name, title, lesson}])'],
      ['-h, --help', 'show this help'],
    ]),
    '',
    "Many runs (report only, on all cores; the link's seed is replaced by each seed in turn):",
    ...columns([
      ['sim -- sweep [LINK] --vary NAME=FROM:TO:STEP | NAME=A,B,C [--vary …]'],
      ['  [--seeds N (16) | --seed-list A,B] [--cascade-share S (0.05)] [--threads N]'],
      ['  [--shard I/N] [--json | --csv FILE]'],
      ['    P(cascade) per grid point over the same seeds, and the critical shock (where'],
      ['    P crosses 1/2, with a 95 % bootstrap interval). A run cascades when its'],
      ['    endogenous liquidations reach S of open interest. At most 100,000 runs.'],
      ['    --shard I/N runs the I-th of N contiguous slices and prints its rows as JSON;'],
      ['    sim -- sweep --merge SHARD1.json SHARD2.json … joins them, critical shock included.'],
      ['sim -- compare LINK_A LINK_B [--seeds N (32) | --seed-list A,B] [--threads N] [--json]'],
      ['    Paired what-if: every report figure’s mean for A and B, the mean of B − A per'],
      ['    seed with its 95 % bootstrap interval, and the share of seeds where B is lower.'],
    ]),
    '',
    'Exit status: 0 done, 1 unexpected failure, 2 bad link or arguments (one line on stderr).',
    '',
    'Parameters, in link order (the link is key=value&key=value…; booleans are 1 or 0):',
    ...parameterLines(),
    '',
    'Scripted changes during the run (docs/model.md, "Scripted changes"):',
    ...columns([
      ['change', `STEP:PARAM*FACTOR, comma-separated, at most ${MAX_CHANGES}`],
      ['', 'e.g. change=70:liquidity*0.5 (makers pull half their depth at minute 70)'],
      ['', `PARAM: ${SCRIPTABLE.join(', ')}`],
      ['', `the index is moved once by FACTOR (${FACTOR_RANGE.index.join(' to ')}); the others`],
      ['', `are multiplied by FACTOR (${FACTOR_RANGE.liquidity.join(' to ')}) from their step on`],
    ]),
    '',
  ].join('\n');
}
