import type { FakeSession } from './fake-auth-server.js';

/** Plausible devices for seeding "other sessions" in tests and stories. */
export const SAMPLE_DEVICES: ReadonlyArray<Partial<FakeSession>> = [
  {
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    ipAddress: '203.0.113.24',
    location: 'Berlin, Germany',
    authMethods: ['password', 'totp'],
  },
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0',
    ipAddress: '198.51.100.7',
    location: 'Lisbon, Portugal',
    authMethods: ['passkey'],
  },
  {
    userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
    ipAddress: '192.0.2.51',
    location: 'Osaka, Japan',
    authMethods: ['google'],
  },
  {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    ipAddress: '2001:db8::4',
    location: 'Toronto, Canada',
    authMethods: ['password'],
  },
  {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
    ipAddress: '198.51.100.90',
    location: 'São Paulo, Brazil',
    authMethods: ['password', 'webauthn'],
  },
];
