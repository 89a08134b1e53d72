import type { FullLocale } from './types.js';
import table from './pl.json' with { type: 'json' };

/**
 * Polish. Impersonal forms where Polish would mark the reader's gender. `minutes` and `seconds` are
 * accusative: they only ever fill the `{time}` after "za" in `warning` and `idleWarning`.
 */
export default table satisfies FullLocale;
