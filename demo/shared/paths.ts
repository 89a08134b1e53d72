/** URLs the server serves and the pages call; shared so the two cannot drift apart. */

/** sessionkit's REST protocol; better-auth keeps its own routes under `/api/auth`. */
export const SESSIONKIT_BASE = '/api/sessionkit';

/** Demo only: creates a session "on another device" (see server/demo-devices.ts). */
export const DEMO_DEVICES_PATH = '/api/demo/devices';
