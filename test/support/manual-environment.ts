import type { Environment } from '../../core/index.js';

/** An Environment a test drives by hand: focus, offline, online. */
export function manualEnvironment() {
  const focus = new Set<() => void>();
  const resume = new Set<() => void>();
  let online = true;
  const env: Environment & {
    focus(): void;
    goOffline(): void;
    goOnline(): void;
    listeners(): number;
  } = {
    onFocus(listener) {
      focus.add(listener);
      return () => focus.delete(listener);
    },
    onResume(listener) {
      resume.add(listener);
      return () => resume.delete(listener);
    },
    isOnline: () => online,
    isVisible: () => true,
    focus: () => [...focus].forEach((listener) => listener()),
    goOffline: () => {
      online = false;
    },
    goOnline: () => {
      online = true;
      [...resume].forEach((listener) => listener());
    },
    listeners: () => focus.size + resume.size,
  };
  return env;
}
