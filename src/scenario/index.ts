/** The scenario layer's public face: the parameter table and the share-link codec. */

export * from './params';
export {
  CODEC_VERSION,
  CORE_KEYS,
  LINK_KEYS,
  MAX_LINK_LENGTH,
  MIGRATIONS,
  decodeScenario,
  encodeScenario,
  formatCorrections,
} from './codec';
export type {
  CodecVersion,
  Correction,
  CorrectionKind,
  DecodeError,
  DecodeResult,
  Migration,
  RawPair,
} from './codec';
export { withUnit } from './values';
export { decodeLink, encodeLink } from './link';
export { decodeCompare, encodeCompare, rebaseCompare } from './compareKeys';
export type { LinkDecodeResult } from './link';
export { VIEW_KEYS, VIEW_TABLE } from './viewKeys';
export type { View } from './viewKeys';
export { FILE_FORMAT, decodeScenarioFile, encodeScenarioFile } from './file';
export type { FileDecodeResult } from './file';
export { bucketCsvLines, reportJson, scalarCsvLines } from './export';
export { PRESETS, findPreset, matchingPreset } from './presets';
export type { Preset } from './presets';
