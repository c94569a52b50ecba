/** Command-line arguments of `sim`: one optional link and a few flags. */

export interface SimOptions {
  /** The share link, query string or hash; undefined runs the default scenario. */
  link: string | undefined;
  /** Print the report as JSON instead of the human summary. */
  json: boolean;
  /** CSV file for the scalar frame columns, one row per step. */
  frames: string | undefined;
  /** CSV file for the per-bucket frame columns, long format. */
  buckets: string | undefined;
  /** A preset's name (`--preset NAME`): its values, with the link's on top. */
  preset: string | undefined;
}

export type ParsedArgs =
  { kind: 'help' } | { kind: 'run'; options: SimOptions } | { kind: 'error'; message: string };

const FILE_OPTIONS = { '--frames': 'frames', '--buckets': 'buckets' } as const;
type FileOption = keyof typeof FILE_OPTIONS;

const isFileOption = (name: string): name is FileOption => Object.hasOwn(FILE_OPTIONS, name);

/** Reads the arguments after the script name. `--` ends the options. Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: SimOptions = {
    link: undefined,
    json: false,
    frames: undefined,
    buckets: undefined,
    preset: undefined,
  };
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (options.link !== undefined) {
        return {
          kind: 'error',
          message: `expected one link, got a second: ${JSON.stringify(arg)}`,
        };
      }
      options.link = arg;
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === '--preset') {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('-'))) {
        return { kind: 'error', message: '--preset needs a name (see `sim presets`)' };
      }
      options.preset = value;
      continue;
    }
    if (isFileOption(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('-'))) {
        return { kind: 'error', message: `${name} needs a file name (${name} FILE.csv)` };
      }
      options[FILE_OPTIONS[name]] = value;
      continue;
    }
    return { kind: 'error', message: `unknown option ${JSON.stringify(arg)} (see --help)` };
  }
  if (options.frames !== undefined && options.frames === options.buckets) {
    return { kind: 'error', message: '--frames and --buckets need different files' };
  }
  return { kind: 'run', options };
}
