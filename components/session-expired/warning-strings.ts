import type { Plural } from '../internal/localize.js';

/** The countdowns' English strings, loaded with the countdowns (`warnings.ts`). */
export const warningStrings = {
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
