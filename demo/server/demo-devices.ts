/**
 * Demo only: "Sign in from a phone / tablet". Creates another session for the signed-in user, as
 * if they had signed in on that device, so the session list has something to revoke. It goes
 * through better-auth's internal adapter, so no password is needed (and none is ever kept).
 */
import type { Auth } from './auth.js';
import { apiError, fromTrustedOrigin, json, readJson } from './http.js';

/** Simulated devices, with addresses from the documentation ranges (RFC 5737). */
const DEVICES = {
  phone: {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    ipAddress: '203.0.113.24',
  },
  tablet: {
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    ipAddress: '198.51.100.7',
  },
};

export function demoDevices(auth: Auth, trustedOrigins: readonly string[]) {
  return async function handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.');
    if (!fromTrustedOrigin(request, trustedOrigins)) return apiError(403, 'untrusted_origin', 'This request must come from the app itself.');
    const kind = ((await readJson(request)) as { device?: unknown } | undefined)?.device;
    if (kind !== 'phone' && kind !== 'tablet') return apiError(400, 'invalid_device', 'device is "phone" or "tablet".');
    const signedIn = await auth.api.getSession({ headers: request.headers });
    if (!signedIn) return apiError(401, 'unauthenticated', 'No session.');
    const { internalAdapter } = await auth.$context;
    // The new session's token is dropped here: that "device" never gets a cookie.
    const { id } = await internalAdapter.createSession(signedIn.user.id, false, DEVICES[kind]);
    return json(201, { id });
  };
}
