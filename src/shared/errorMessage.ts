/**
 * A readable one-line message from anything thrown: an Error's message (or its name when the
 * message is empty), a non-empty string or other value as text, else `fallback`. Anything can be
 * thrown or rejected, and the message must never itself throw (an object whose toString throws).
 */
export function errorMessage(error: unknown, fallback = 'an unknown error'): string {
  if (error instanceof Error) return error.message || error.name || fallback;
  if (error === null || error === undefined) return fallback;
  let text: string;
  try {
    text = String(error);
  } catch {
    return fallback;
  }
  return text === '' ? fallback : text;
}
