import type { FullLocale } from './types.js';
import table from './ja.json' with { type: 'json' };

/** Japanese. */
export default table satisfies FullLocale;
