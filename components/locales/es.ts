import type { FullLocale } from './types.js';
import table from './es.json' with { type: 'json' };

/** Spanish (neutral, addressing the reader as tú). */
export default table satisfies FullLocale;
