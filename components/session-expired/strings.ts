import { endedStrings } from './ended-strings.js';
import { warningStrings } from './warning-strings.js';

/**
 * The session-expired handler's English strings; every one can be replaced through `strings` or a
 * locale. The ended dialog's come first, then the countdowns', which only pages that turn a
 * countdown on download (the element itself imports the two parts, not this table).
 */
export const sessionExpiredStrings = { ...endedStrings, ...warningStrings };

export type SessionExpiredStrings = typeof sessionExpiredStrings;
