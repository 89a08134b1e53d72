/**
 * Calls `listener` once when `signal` aborts, at once if it already has. Returns the function that
 * stops listening, for when the work the signal guards is over.
 */
export function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  if (signal?.aborted) listener();
  else signal?.addEventListener('abort', listener, { once: true });
  return () => signal?.removeEventListener('abort', listener);
}
