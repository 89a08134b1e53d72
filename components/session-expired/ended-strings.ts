/**
 * The ended dialog's English strings: what every page with `<sk-session-expired>` needs. They come
 * first in `sessionExpiredStrings`, so a locale's values for them are the first of its list.
 */
export const endedStrings = {
  expiredTitle: 'Your session has ended',
  expired: 'Your session expired. Sign in again to continue where you left off.',
  revoked: 'This device was signed out from another device. Sign in again to continue.',
  signedOutElsewhere: 'You signed out in another tab or window. Sign in again to continue.',
  idle: 'You were signed out because you were inactive for a while. Sign in again to continue.',
  refreshFailed: 'We could not keep you signed in. Sign in again to continue.',
  signInAgain: 'Sign in again',
  close: 'Close',
};
