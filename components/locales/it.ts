import type { FullLocale } from './types.js';
import table from './it.json' with { type: 'json' };

/** Italian. */
export default table satisfies FullLocale;
