import type { FullLocale } from './types.js';
import table from './zh.json' with { type: 'json' };

/** Chinese (Simplified). */
export default table satisfies FullLocale;
