import { describe, it, expect } from 'vitest';
import { parseUserAgent } from '../../components/internal/user-agent.js';

// Real strings as sent in 2024–2026. Chrome on Android, Windows, macOS, Linux and ChromeOS uses the
// reduced User-Agent (fixed "Android 10; K", "Windows NT 10.0", "Mac OS X 10_15_7", "CrOS x86_64
// 14541.0.0"), so a Pixel and a Windows 11 PC do not name themselves in the string.
const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  operaWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
  chromeAndroidPhone:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  samsungAndroidPhone:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36',
  edgeAndroidPhone:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0',
  chromeAndroidTablet:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 Mobile/15E148 Safari/605.1.15',
  edgeIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15',
  safariIPad:
    'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1',
  chromeOS:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe('parseUserAgent', () => {
  describe('on desktops', () => {
    it('labels Chrome on Windows 10/11 as a Windows desktop running Chrome', () => {
      expect(parseUserAgent(UA.chromeWindows)).toStrictEqual({ type: 'desktop', browser: 'Chrome', os: 'Windows' });
    });

    it('labels Chrome on a Mac as a macOS desktop running Chrome', () => {
      expect(parseUserAgent(UA.chromeMac)).toStrictEqual({ type: 'desktop', browser: 'Chrome', os: 'macOS' });
    });

    it('labels Safari on a Mac as a macOS desktop running Safari', () => {
      expect(parseUserAgent(UA.safariMac)).toStrictEqual({ type: 'desktop', browser: 'Safari', os: 'macOS' });
    });

    it('labels Firefox on Windows as a Windows desktop running Firefox', () => {
      expect(parseUserAgent(UA.firefoxWindows)).toStrictEqual({ type: 'desktop', browser: 'Firefox', os: 'Windows' });
    });

    it('labels Firefox on Linux as a Linux desktop running Firefox', () => {
      expect(parseUserAgent(UA.firefoxLinux)).toStrictEqual({ type: 'desktop', browser: 'Firefox', os: 'Linux' });
    });

    it('labels Edge as Edge even though its string also says Chrome and Safari', () => {
      expect(parseUserAgent(UA.edgeWindows)).toStrictEqual({ type: 'desktop', browser: 'Edge', os: 'Windows' });
    });

    it('labels Opera as Opera even though its string also says Chrome and Safari', () => {
      expect(parseUserAgent(UA.operaWindows)).toStrictEqual({ type: 'desktop', browser: 'Opera', os: 'Windows' });
    });

    it('labels a Chromebook as a ChromeOS desktop rather than Linux', () => {
      expect(parseUserAgent(UA.chromeOS)).toStrictEqual({ type: 'desktop', browser: 'Chrome', os: 'ChromeOS' });
    });
  });

  describe('on Android', () => {
    it('labels Chrome on an Android phone such as a Pixel as a mobile device', () => {
      expect(parseUserAgent(UA.chromeAndroidPhone)).toStrictEqual({ type: 'mobile', browser: 'Chrome', os: 'Android' });
    });

    it('labels Samsung Internet as Samsung Internet even though its string also says Chrome', () => {
      expect(parseUserAgent(UA.samsungAndroidPhone)).toStrictEqual({
        type: 'mobile',
        browser: 'Samsung Internet',
        os: 'Android',
      });
    });

    it('labels Edge on an Android phone (EdgA) as Edge', () => {
      expect(parseUserAgent(UA.edgeAndroidPhone)).toStrictEqual({ type: 'mobile', browser: 'Edge', os: 'Android' });
    });

    it('labels Chrome on an Android tablet without the Mobile token as a tablet', () => {
      expect(parseUserAgent(UA.chromeAndroidTablet)).toStrictEqual({ type: 'tablet', browser: 'Chrome', os: 'Android' });
    });
  });

  describe('on iPhone and iPad', () => {
    it('labels Safari on an iPhone as an iOS phone rather than a Mac', () => {
      expect(parseUserAgent(UA.safariIPhone)).toStrictEqual({ type: 'mobile', browser: 'Safari', os: 'iOS' });
    });

    it('labels Chrome on an iPhone (CriOS) as Chrome', () => {
      expect(parseUserAgent(UA.chromeIPhone)).toStrictEqual({ type: 'mobile', browser: 'Chrome', os: 'iOS' });
    });

    it('labels Firefox on an iPhone (FxiOS) as Firefox', () => {
      expect(parseUserAgent(UA.firefoxIPhone)).toStrictEqual({ type: 'mobile', browser: 'Firefox', os: 'iOS' });
    });

    it('labels Edge on an iPhone (EdgiOS) as Edge', () => {
      expect(parseUserAgent(UA.edgeIPhone)).toStrictEqual({ type: 'mobile', browser: 'Edge', os: 'iOS' });
    });

    it('labels Safari on an iPad that sends the iPad token as an iPadOS tablet', () => {
      expect(parseUserAgent(UA.safariIPad)).toStrictEqual({ type: 'tablet', browser: 'Safari', os: 'iPadOS' });
    });
  });

  describe('on missing or hostile input', () => {
    it('returns unknown for an empty string', () => {
      expect(parseUserAgent('')).toStrictEqual({ type: 'unknown' });
    });

    it('returns unknown for undefined', () => {
      expect(parseUserAgent(undefined)).toStrictEqual({ type: 'unknown' });
    });

    it('returns unknown for a 10 000-character garbage string (only its first 512 characters are read: see below)', () => {
      const garbage = '(;/ \u0000\uFFFD%"'.repeat(1000) + 'x'.repeat(2000);
      expect(garbage).toHaveLength(10_000);
      expect(parseUserAgent(garbage)).toStrictEqual({ type: 'unknown' });
    });

    it('ignores anything past the first 512 characters', () => {
      expect(parseUserAgent('x'.repeat(512) + UA.chromeWindows)).toStrictEqual({ type: 'unknown' });
    });

    it('returns only fixed labels, never markup, for a string containing an HTML payload', () => {
      expect(parseUserAgent('Mozilla/5.0 <img src=x onerror=alert(1)>')).toStrictEqual({ type: 'unknown' });
    });
  });
});
