/**
 * The option reader shared by `sim sweep` and `sim compare`: positional arguments, boolean flags
 * and flags with a value (`--name value` or `--name=value`), each flag at most once. Never
 * throws: a problem is one line, naming the flag.
 */

export interface OptionSpec {
  /** Flags without a value, e.g. `--json`. */
  booleans: readonly string[];
  /** Flags with a value, e.g. `--seeds`. */
  valued: readonly string[];
  /** Flags with a value that may be given more than once, e.g. `--vary`. */
  repeated?: readonly string[];
}

export interface ReadOptions {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
  repeated: Map<string, string[]>;
}

export type OptionsOutcome = { ok: true; options: ReadOptions } | { ok: false; message: string };

export function readOptions(argv: readonly string[], spec: OptionSpec): OptionsOutcome {
  const out: ReadOptions = {
    positional: [],
    flags: new Set(),
    values: new Map(),
    repeated: new Map(),
  };
  const repeated = spec.repeated ?? [];
  let ended = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (ended || !arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    if (arg === '--') {
      ended = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (spec.booleans.includes(name)) {
      if (eq >= 0) return { ok: false, message: `${name} takes no value` };
      out.flags.add(name);
      continue;
    }
    if (!spec.valued.includes(name) && !repeated.includes(name)) {
      return { ok: false, message: `unknown option ${JSON.stringify(arg)} (see --help)` };
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { ok: false, message: `${name} needs a value` };
    }
    if (repeated.includes(name)) {
      out.repeated.set(name, [...(out.repeated.get(name) ?? []), value]);
    } else {
      if (out.values.has(name)) return { ok: false, message: `${name} is given twice` };
      out.values.set(name, value);
    }
  }
  return { ok: true, options: out };
}

/** A whole number in [min, max] from a flag's text, or a one-line reason it is not. */
export function wholeNumber(
  name: string,
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    return {
      ok: false,
      message: `${name}: ${JSON.stringify(text)} is not a whole number in ${min}..${max}`,
    };
  }
  return { ok: true, value: n };
}
