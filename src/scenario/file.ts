/**
 * A scenario saved as a JSON file: versioned like the link (`v`), and read back through the
 * link's own decoder, so a file obeys the same rules — unreadable values fall back to the
 * default, out-of-range ones are clamped, unknown keys are ignored, each reported — and
 * reading never throws.
 */

import { CODEC_VERSION, type Correction, type DecodeError } from './codec';
import { decodeLink } from './link';
import { CHANGE_KEY } from './changes';
import { PARAMS, PARAM_KEYS, type ParamKey, type Scenario } from './params';
import { formatQuery, type RawPair } from './query';
import { formatValue } from './values';

/** What the `format` field of a scenario file says. */
export const FILE_FORMAT = 'cascade-lab-scenario';

/** A scenario file is a few hundred bytes; anything much larger is not one. */
export const MAX_FILE_LENGTH = 100_000;

export interface ScenarioFile {
  format: typeof FILE_FORMAT;
  v: number;
  name?: string;
  scenario: Scenario;
}

export type FileDecodeResult =
  | { ok: true; scenario: Scenario; name: string | null; corrections: Correction[] }
  | { ok: false; error: DecodeError | { kind: 'not-a-scenario'; field: ''; message: string } };

/** The file's text for a scenario (every parameter written out, so it reads on its own). */
export function encodeScenarioFile(scenario: Scenario, name?: string): string {
  const file: ScenarioFile = { format: FILE_FORMAT, v: CODEC_VERSION, scenario };
  if (name) file.name = name;
  return JSON.stringify(file, null, 2) + '\n';
}

function notAScenario(why: string): FileDecodeResult {
  return {
    ok: false,
    error: {
      kind: 'not-a-scenario',
      field: '',
      message: `This file is not a Cascade Lab scenario: ${why}.`,
    },
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** One value of the file as link text (objects and arrays as JSON, which the decoder rejects). */
function asText(key: string, value: unknown): string {
  if (Object.hasOwn(PARAMS, key) && PARAM_KEYS.includes(key as ParamKey)) {
    const spec = PARAMS[key as ParamKey];
    if (typeof value === 'boolean' && spec.kind === 'bool') return formatValue(spec, value);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * The file's `changes` (objects, as the scenario holds them) as the link's `change` text, for
 * the link decoder to check: anything not a change becomes an item it reports and drops.
 */
function changesText(list: unknown[]): string {
  return list
    .map((c) =>
      isRecord(c) ? `${asText('', c.step)}:${asText('', c.param)}*${asText('', c.factor)}` : '?',
    )
    .join(',');
}

/** Reads a scenario file's text. Never throws. */
export function decodeScenarioFile(text: string): FileDecodeResult {
  if (typeof text !== 'string' || text.length > MAX_FILE_LENGTH) {
    return notAScenario(`it is larger than ${MAX_FILE_LENGTH.toLocaleString('en-US')} characters`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return notAScenario('it is not JSON');
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT || !isRecord(data.scenario)) {
    return notAScenario(`it has no "format": "${FILE_FORMAT}" and "scenario" object`);
  }
  const pairs: RawPair[] = [['v', data.v === undefined ? '1' : asText('v', data.v)]];
  for (const [key, value] of Object.entries(data.scenario)) {
    if (key === 'changes' && Array.isArray(value)) pairs.push([CHANGE_KEY, changesText(value)]);
    else pairs.push([key, asText(key, value)]);
  }
  const decoded = decodeLink(formatQuery(pairs));
  if (!decoded.ok) return decoded;
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : null;
  return { ok: true, scenario: decoded.scenario, name, corrections: decoded.corrections };
}
