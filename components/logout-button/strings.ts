/** The logout button's English strings; every one can be replaced through `strings` or a locale. */
export const logoutButtonStrings = {
  /** Label for `scope="current"`. */
  logOut: 'Log out',
  /** Label for `scope="others"`. */
  logOutOthers: 'Sign out of other devices',
  /** Label for `scope="all"`. */
  logOutAll: 'Log out everywhere',
  confirmCurrent: 'Log out of this device?',
  confirmOthers: 'Sign out of all your other devices?',
  confirmAll: 'Log out of all your devices, including this one?',
  confirmAction: 'Yes, log out',
  cancel: 'Cancel',
  pending: 'Logging out…',
  done: 'You are logged out.',
  othersDone: 'Your other devices are signed out.',
  failed: 'Could not log out. Check your connection and try again.',
  serverNotReached: 'You are logged out on this device, but the server could not be reached. Signing out will finish when you are back online.',
};

export type LogoutButtonStrings = typeof logoutButtonStrings;
