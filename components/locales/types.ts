import type { LocaleTables, Plural } from '../internal/localize.js';
import type { logoutButtonStrings } from '../logout-button/strings.js';
import type { sessionExpiredStrings } from '../session-expired/strings.js';
import type { sessionListStrings } from '../session-list/strings.js';

/** A translation of an English strings table: every key, each a string or a `Plural` as in English. */
export type Translated<T> = { [K in keyof T]: T[K] extends Plural ? Plural : string };

/** Passes a type through only when `localeTables()` can read it. */
type Tables<T extends LocaleTables> = T;

/**
 * A complete locale, keyed by each element's `stringsKey`. Locale files end in `satisfies FullLocale`,
 * so a missing, misspelt or extra key, or a string where English has a plural, is a type error.
 */
export type FullLocale = Tables<{
  logoutButton: Translated<typeof logoutButtonStrings>;
  sessionList: Translated<typeof sessionListStrings>;
  sessionExpired: Translated<typeof sessionExpiredStrings>;
}>;
