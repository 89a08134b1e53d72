import type { FullLocale } from './types.js';
import table from './he.json' with { type: 'json' };

/** Hebrew. Infinitives and impersonal forms, so no sentence assumes the reader's gender. */
export default table satisfies FullLocale;
