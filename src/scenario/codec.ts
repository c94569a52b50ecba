/**
 * The versioned share-link codec: a scenario to a query string and back.
 *
 * Decoding never throws and never lets a bad value through: unreadable values fall back to the
 * default, out-of-range values are clamped, whole-number parameters are rounded, unknown and
 * repeated keys are ignored — and each of these is reported as a {@link Correction}, so the UI
 * can show it and the CLI can refuse it. Nothing decoded is ever evaluated or rendered as HTML:
 * corrections are plain text.
 *
 * Versioning. A link carries `v`; every link the app writes has it, so one without it was typed
 * by hand and means the current version (its keys left out take today's defaults). Encoding
 * leaves out parameters at their default, so **the defaults of a version are frozen**: changing
 * a default, renaming a key or changing a unit needs a new {@link CODEC_VERSION} and an entry in {@link MIGRATIONS} that
 * rewrites the old link's raw pairs — in particular, one that writes the old default explicitly
 * for every key whose default changed, since old links left it out.
 */

import { PARAMS, PARAM_KEYS, defaultScenario } from './params';
import type { ParamKey, Scenario } from './params';
import { extractQuery, formatQuery, parseQuery } from './query';
import type { RawPair } from './query';
import { formatValue, quote, readValue, suggestKey } from './values';
import { VIEW_KEYS } from './viewKeys';
import { migrateV1 } from './versions';
import { CHANGE_KEY, formatChanges, readChanges } from './changes';
import type { ParamValue } from './values';

export type { RawPair } from './query';

/** The link version this build writes and reads. */
export const CODEC_VERSION = 2;

/** Longest text the decoder reads: a full link is under 1,000 characters. */
export const MAX_LINK_LENGTH = 8192;

/** Keys every link carries, even at their defaults, so a link reads on its own. */
export const CORE_KEYS: readonly ParamKey[] = [
  'seed',
  'positions',
  'steps',
  'leverage',
  'liquidity',
  'longShare',
  'shock',
  'mark',
];

/** Keys the link carries (the table's `persist: 'link'`), in table order. */
export const LINK_KEYS: readonly ParamKey[] = PARAM_KEYS.filter(
  (k) => PARAMS[k].persist === 'link',
);

export type { Correction, CorrectionKind } from './corrections';
import { correction, type Correction } from './corrections';

/** Why a link could not be read at all. */
export interface DecodeError {
  kind: 'version' | 'too-long';
  field: string;
  message: string;
}

export type DecodeResult =
  { ok: true; scenario: Scenario; corrections: Correction[] } | { ok: false; error: DecodeError };

/** Upgrades the raw pairs of a link from one version to the next (without the `v` pair). */
export type Migration = (pairs: readonly RawPair[]) => RawPair[];

/** Migrations by the version they upgrade from: `MIGRATIONS.get(1)` turns v1 pairs into v2 pairs. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[1, migrateV1]]);

/** A version of the codec: the version it reads and the migrations that lead up to it. */
export interface CodecVersion {
  version: number;
  migrations: ReadonlyMap<number, Migration>;
}

const CURRENT: CodecVersion = { version: CODEC_VERSION, migrations: MIGRATIONS };

/** Encodes a (valid) scenario as a query string without `?`: `v=1&seed=7&…`. */
export function encodeScenario(s: Scenario): string {
  const pairs: RawPair[] = [['v', String(CODEC_VERSION)]];
  for (const key of LINK_KEYS) {
    const spec = PARAMS[key];
    if (CORE_KEYS.includes(key) || s[key] !== spec.default) {
      pairs.push([key, formatValue(spec, s[key])]);
    }
  }
  if (s.changes?.length) pairs.push([CHANGE_KEY, formatChanges(s.changes)]);
  return formatQuery(pairs);
}

/** Decodes a share link, query string or hash into a valid scenario. Never throws. */
export function decodeScenario(text: string): DecodeResult {
  return decodeVersioned(text, CURRENT);
}

/** The sentences of a list of corrections, for the CLI and the UI (as text, never HTML). */
export function formatCorrections(corrections: readonly Correction[]): string[] {
  return corrections.map((c) => c.message);
}

const LINK_KEY_SET: ReadonlySet<string> = new Set(LINK_KEYS);
const VIEW_KEY_SET: ReadonlySet<string> = new Set(VIEW_KEYS);
/** The prefix of compare mode's keys: `b.leverage=5` is scenario B's leverage (compareKeys.ts). */
export const COMPARE_PREFIX = 'b.';
/** Whether a key is one of scenario B's (`b.` and a parameter), read by compareKeys.ts. */
export const isCompareKey = (key: string) =>
  key.startsWith(COMPARE_PREFIX) && LINK_KEY_SET.has(key.slice(COMPARE_PREFIX.length));
/** Keys a link may hold: its version, the scenario's and its changes, the view's (`view.ts`) and B's. */
export const isKnownKey = (key: string) =>
  key === 'v' ||
  key === CHANGE_KEY ||
  LINK_KEY_SET.has(key) ||
  VIEW_KEY_SET.has(key) ||
  isCompareKey(key);

/**
 * {@link decodeScenario} against a given codec version and migrations; exported so tests can
 * check that the migration hook works before a second version exists.
 */
export function decodeVersioned(text: string, codec: CodecVersion): DecodeResult {
  const input = typeof text === 'string' ? text : '';
  if (input.length > MAX_LINK_LENGTH) {
    const message = `This link is too long to be a Cascade Lab link (${input.length} characters; at most ${MAX_LINK_LENGTH}).`;
    return { ok: false, error: { kind: 'too-long', field: '', message } };
  }
  const pairs = parseQuery(extractQuery(input, isKnownKey));
  const version = readVersion(pairs, codec.version);
  if (!version.ok) return version;

  let params: RawPair[] = pairs.filter(([k]) => k !== 'v');
  for (let v = version.version; v < codec.version; v++) {
    const migrate = codec.migrations.get(v);
    if (!migrate)
      return versionError(`No migration from v=${v} to v=${v + 1}; this link cannot be read.`);
    params = migrate(params);
  }
  const decoded = decodePairs(params, pairs);
  if (decoded.ok && version.correction) decoded.corrections.unshift(version.correction);
  return decoded;
}

function versionError(message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { kind: 'version', field: 'v', message } };
}

/**
 * The version a link was written in. A newer version is an error (its keys may mean other
 * things); an unreadable one (`v=0`, `v=`) is read as v=1, the oldest, with a correction: the
 * link's readable values are kept, and each one that is not is reported on its own.
 */
function readVersion(
  pairs: readonly RawPair[],
  current: number,
): { ok: true; version: number; correction?: Correction } | { ok: false; error: DecodeError } {
  const given = pairs.find(([k]) => k === 'v');
  if (!given) return { ok: true, version: current };
  const raw = given[1];
  const n = /^\d+$/.test(raw) ? Number(raw) : 0;
  if (n < 1) {
    const reason = `v: ${quote(raw)} is not a version number`;
    const c = correction('v', 'invalid', raw, '1', reason, 'reading the link as v=1');
    return { ok: true, version: 1, correction: c };
  }
  if (n > current) {
    const shown = quote(raw).slice(1, -1);
    return versionError(
      `This link was made by a newer version of Cascade Lab (v=${shown}); this one reads v=${current}.`,
    );
  }
  return { ok: true, version: n };
}

/** Builds the scenario from upgraded pairs; `original` (as given, with `v`) reports a repeated `v`. */
function decodePairs(params: readonly RawPair[], original: readonly RawPair[]): DecodeResult {
  const scenario = defaultScenario();
  const values = scenario as unknown as Record<string, unknown>;
  const byField = new Map<string, Correction>();
  const given = new Set<string>();
  let changeText: string | undefined;

  for (const [key, text] of params) {
    if (key === CHANGE_KEY) changeText ??= text; // read once the run's length is known
    if (!LINK_KEY_SET.has(key) || given.has(key)) continue;
    given.add(key);
    const spec = PARAMS[key as ParamKey];
    const read = readValue(spec, text);
    values[key] = read.value;
    if (read.status === 'ok') continue;
    const used = formatValue(spec, read.value);
    const action = read.status === 'invalid' ? `using the default ${used}` : `using ${used}`;
    byField.set(key, correction(key, read.status, text, used, `${key}: ${read.reason}`, action));
  }

  // A shock must start within the run. A default shockStep beyond a short run moves silently:
  // the user never chose it, and the new value is written out explicitly when re-encoded.
  if (scenario.shockStep >= scenario.steps) {
    const last = scenario.steps - 1;
    if (given.has('shockStep')) {
      const text = params.find(([k]) => k === 'shockStep')?.[1] ?? '';
      const reason = `shockStep: ${quote(text).slice(1, -1)} is not before the end of the run (steps = ${scenario.steps})`;
      byField.set(
        'shockStep',
        correction('shockStep', 'clamped', text, String(last), reason, `using ${last}`),
      );
    }
    scenario.shockStep = last;
  }
  const changes = readChanges(changeText ?? '', scenario.steps);
  if (changeText !== undefined && changes.changes.length > 0) scenario.changes = changes.changes;

  // Report in link order (keys a migration renamed under their new names).
  const corrections: Correction[] = [];
  const seen = new Set<string>();
  const firstVersion = original.find(([k]) => k === 'v')?.[1] ?? '';
  for (const [key, text] of original.filter(([k]) => k === 'v').concat(params)) {
    const known = isKnownKey(key);
    if (seen.has(key)) {
      if (!known || VIEW_KEY_SET.has(key) || isCompareKey(key)) continue;
      const used =
        key === 'v'
          ? firstVersion
          : key === CHANGE_KEY
            ? formatChanges(scenario.changes ?? [])
            : formatValue(PARAMS[key as ParamKey], values[key] as ParamValue);
      const reason = `${key}: given more than once`;
      const action = `keeping the first value, ignoring ${quote(text)}`;
      corrections.push(correction(key, 'duplicate', text, used, reason, action));
      continue;
    }
    seen.add(key);
    if (VIEW_KEY_SET.has(key) || isCompareKey(key)) continue; // their decoders report these
    if (key === CHANGE_KEY) {
      corrections.push(...changes.corrections);
      continue;
    }
    if (known) {
      const c = byField.get(key);
      if (c) corrections.push(c);
      continue;
    }
    const hint = suggestKey(key, LINK_KEYS);
    const reason = `${quote(key)} is not a parameter${hint ? ` (did you mean ${hint}?)` : ''}`;
    corrections.push(correction(key, 'unknown', text, '', reason, 'ignored'));
  }
  return { ok: true, scenario, corrections };
}
