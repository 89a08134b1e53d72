/**
 * Dispatches a bubbling, composed CustomEvent, so listeners outside any shadow root hear it.
 * Returns false when a listener cancelled it.
 */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
