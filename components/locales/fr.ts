import type { FullLocale } from './types.js';
import table from './fr.json' with { type: 'json' };

/** French. Question marks and colons take a no-break space before them. */
export default table satisfies FullLocale;
