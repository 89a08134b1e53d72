import type { FullLocale } from './types.js';
import table from './nl.json' with { type: 'json' };

/** Dutch. */
export default table satisfies FullLocale;
