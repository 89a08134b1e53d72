import type { Plural } from '../internal/localize.js';

/**
 * The session list's English strings; every one can be replaced through `strings` or a locale.
 * `{name}` placeholders are filled with text; `#` in a plural is the count.
 */
export const sessionListStrings = {
  heading: "Where you're signed in",
  loading: 'Loading your devices…',
  loadFailed: "Couldn't load your devices.",
  retry: 'Try again',
  empty: "You're only signed in on this device.",
  unsupported: "The list of your devices isn't available here.",
  reauth: 'For your security, sign in again to do this.',
  signedOut: "You're signed out.",
  /** A device label from its browser and operating system. */
  device: '{browser} on {os}',
  unknownDevice: 'Unknown device',
  thisDevice: 'This device',
  /** `{time}` is a relative time such as "5 minutes ago". */
  lastActive: 'Active {time}',
  /** This device's activity: it is in use. */
  activeNow: 'Active now',
  signedIn: 'Signed in {date}',
  methods: 'Signed in with {methods}',
  method_password: 'password',
  method_totp: 'authenticator app',
  method_passkey: 'passkey',
  method_webauthn: 'security key',
  method_sms: 'text message',
  method_email: 'email code',
  revoke: 'Sign out',
  /** A device told apart from others with the same label, for buttons and announcements; `{details}` lists IP address, location, sign-in time. */
  deviceDetails: '{device} ({details})',
  /** A device alike in every detail to another: numbered in list order. */
  deviceNumber: '{device} #{number}',
  /** The revoke button's accessible name. */
  revokeLabel: 'Sign out of {device}',
  logOut: 'Log out',
  confirm: 'Sign out',
  cancel: 'Cancel',
  confirmRevoke: 'Sign out of {device}?',
  /** Shown in the confirmation when the backend declares a revocation delay. */
  delayNote: { one: 'It can take up to # minute to sign out everywhere.', other: 'It can take up to # minutes to sign out everywhere.' } as Plural,
  revoking: 'Signing out of {device}…',
  revoked: 'Signed out of {device}.',
  revokeFailed: "Couldn't sign out of {device}. Try again.",
  revokeOthers: 'Sign out of all other devices',
  confirmOthers: { one: 'Sign out of # other device?', other: 'Sign out of # other devices?' } as Plural,
  revokingOthers: 'Signing out of your other devices…',
  othersRevoked: { one: 'Signed out of # other device.', other: 'Signed out of # other devices.' } as Plural,
  othersFailed: "Couldn't sign out of your other devices. Try again.",
  logOutFailed: "Couldn't log out. Check your connection and try again.",
  showMore: 'Show more',
};

export type SessionListStrings = typeof sessionListStrings;
