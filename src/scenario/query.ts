/**
 * A small query-string reader and writer for share links.
 *
 * The scenario code is checked against lib ES2022 only, which has no `URL` or
 * `URLSearchParams`, so this reads links with `decodeURIComponent` alone. Pairs are kept as an
 * ordered list, never as object keys, so `__proto__`, `constructor` and repeated keys are plain
 * data. Nothing here throws.
 */

/** One `key=value` pair of a query string, decoded, in the order it appeared. */
export type RawPair = readonly [key: string, value: string];

/**
 * Decodes one component. `+` stays a plus, not a space as in form encoding: no value of ours
 * holds a space, and `shock=+5` should read as +5. Malformed `%` escapes stay as given.
 */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits a query string (without its `?`) into decoded pairs; a key without `=` has value ''. */
export function parseQuery(query: string): RawPair[] {
  const pairs: RawPair[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decodeComponent(key), decodeComponent(value)]);
  }
  return pairs;
}

/**
 * Encodes a value, leaving commas and colons as they are (legal in a query, and lists such as
 * `change=70:liquidity*0.5,90:index*0.97` read better).
 */
const encodeValue = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':');

/** Joins pairs into a query string (without `?`), encoding keys and values. */
export function formatQuery(pairs: readonly RawPair[]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeValue(v)}`).join('&');
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Finds the query string in what a user pasted: a bare query (`v=1&seed=3`), one with a leading
 * `?` or `#`, a path (`/lab?v=1`), or a full link (`https://host/lab?v=1&…`, or with the query
 * in the hash: `https://host/lab#v=1&…`, `…#/?v=1&…`). When both the query and the hash hold
 * pairs, the one with a key that `isKnownKey` accepts wins (the query if both do), so tracking
 * parameters in one part do not hide the scenario in the other.
 */
export function extractQuery(text: string, isKnownKey: (key: string) => boolean): string {
  const s = text.trim();
  const hashAt = s.indexOf('#');
  const beforeHash = hashAt < 0 ? s : s.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : s.slice(hashAt + 1).replace(/^\/?\??/, '');
  const queryAt = beforeHash.indexOf('?');
  let query: string;
  if (queryAt >= 0) query = beforeHash.slice(queryAt + 1);
  else if (URL_SCHEME.test(beforeHash) || beforeHash.startsWith('/')) query = '';
  else query = beforeHash;

  const hasKnownKey = (q: string) => parseQuery(q).some(([k]) => isKnownKey(k));
  if (query !== '' && hasKnownKey(query)) return query;
  if (hash !== '' && hasKnownKey(hash)) return hash;
  return query !== '' ? query : hash;
}
