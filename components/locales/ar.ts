import type { FullLocale } from './types.js';
import table from './ar.json' with { type: 'json' };

/**
 * Arabic (Modern Standard). Every count follows a preposition (من، خلال، حتى), hence the genitive duals.
 */
export default table satisfies FullLocale;
