/**
 * JSON values in localStorage, for the small records tabs share (the pending sign-out marker,
 * the tab lock's lease, poll and refresh stamps). Storage may be missing (Node, some webviews),
 * blocked or full, and any access may throw: reads then find nothing and writes do nothing, and
 * every caller has a fallback for that.
 */
export function readStored(key: string): unknown {
  try {
    return parseJson(localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

/** JSON text to a value; anything that does not parse is undefined. */
export function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text!);
  } catch {
    return undefined;
  }
}

/** Stores `value`, or removes the key when it is undefined. Returns whether storage took it. */
export function writeStored(key: string, value: unknown): boolean {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
