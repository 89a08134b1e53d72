/** Turns a raw User-Agent string into a coarse { type, browser, os } label for the "signed-in devices" list. */

export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'unknown';

export interface ParsedUserAgent {
  type: DeviceType;
  browser?: string;
  os?: string;
}

// First match wins, so order matters: Edge, Opera and Samsung Internet also send "Chrome/", and
// Chrome (including CriOS) and Firefox on iOS also send "Safari/". Likewise iOS sends "like Mac OS X"
// and Android sends "Linux", so those platforms are tested before macOS and Linux.
// Every pattern is a plain alternation of literals: linear time, no backtracking blow-up.
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OP[RT]\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string, DeviceType][] = [
  [/iPhone|iPod/, 'iOS', 'mobile'],
  [/iPad/, 'iPadOS', 'tablet'],
  [/Android/, 'Android', 'tablet'], // a phone when "Mobile" is present, see below
  [/CrOS/, 'ChromeOS', 'desktop'],
  [/Mac OS X/, 'macOS', 'desktop'],
  [/Windows/, 'Windows', 'desktop'],
  [/Linux|X11/, 'Linux', 'desktop'],
];

export function parseUserAgent(ua: string | undefined): ParsedUserAgent {
  // Only the head of the string is examined, so hostile input costs a bounded amount of work.
  const s = typeof ua == 'string' ? ua.slice(0, 512) : '';
  const browser = BROWSERS.find(([re]) => re.test(s));
  const os = SYSTEMS.find(([re]) => re.test(s));
  const result: ParsedUserAgent = { type: 'unknown' };
  if (browser) result.browser = browser[1];
  if (os) {
    result.os = os[1];
    result.type = os[1] == 'Android' && /Mobile/.test(s) ? 'mobile' : os[2];
  }
  return result;
}
