import type { Plural } from '../internal/localize.js';

/** The session-expired handler's English strings; every one can be replaced through `strings` or a locale. */
export const sessionExpiredStrings = {
  expiredTitle: 'Your session has ended',
  expired: 'Your session expired. Sign in again to continue where you left off.',
  revoked: 'This device was signed out from another device. Sign in again to continue.',
  signedOutElsewhere: 'You signed out in another tab or window. Sign in again to continue.',
  idle: 'You were signed out because you were inactive for a while. Sign in again to continue.',
  refreshFailed: 'We could not keep you signed in. Sign in again to continue.',
  signInAgain: 'Sign in again',
  close: 'Close',
  warningTitle: 'Your session is about to end',
  /** `{time}` is the countdown, e.g. 1:05. */
  warning: 'For your security, your session ends in {time}.',
  idleTitle: 'Are you still there?',
  idleWarning: 'You will be signed out in {time} because you have been inactive.',
  staySignedIn: 'Stay signed in',
  logOut: 'Log out',
  extendFailed: 'Your session could not be extended. Try again.',
  logOutFailed: 'Could not log out. Check your connection and try again.',
  /** Spoken countdowns. */
  minutes: { one: '# minute', other: '# minutes' } as Plural,
  seconds: { one: '# second', other: '# seconds' } as Plural,
};

export type SessionExpiredStrings = typeof sessionExpiredStrings;
