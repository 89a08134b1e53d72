import type { FullLocale } from './types.js';
import table from './de.json' with { type: 'json' };

/** German. */
export default table satisfies FullLocale;
