import type { FullLocale } from './types.js';
import table from './pt.json' with { type: 'json' };

/** Portuguese (Brazil). */
export default table satisfies FullLocale;
