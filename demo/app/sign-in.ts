/**
 * The sign-in and sign-up pages: one form each, posted as JSON to better-auth's own endpoints
 * (the form's `data-endpoint`). better-auth answers with the session cookie (HttpOnly); nothing is
 * kept in script or storage. Then on to `return_to` (same site only) or the account page.
 */
import { returnTo } from './lib/return-to.js';

/** better-auth's error codes that deserve plainer words. */
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'That email and password do not match an account.',
  USER_ALREADY_EXISTS: 'An account with this email already exists. Sign in instead.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'An account with this email already exists. Sign in instead.',
  PASSWORD_TOO_SHORT: 'Use a password of at least 8 characters.',
};

const form = document.querySelector<HTMLFormElement>('form[data-endpoint]')!;
const error = document.querySelector<HTMLElement>('#form-error')!;
const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;

// Keep `return_to` when switching between sign-in and sign-up.
const other = document.querySelector<HTMLAnchorElement>('#switch-link');
if (other) other.search = location.search;

async function send(): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(form.dataset.endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(new FormData(form))),
    });
  } catch {
    return 'The server could not be reached. Check your connection and try again.';
  }
  if (response.ok) return undefined;
  const { code } = ((await response.json().catch(() => undefined)) ?? {}) as { code?: string };
  return MESSAGES[code ?? ''] ?? 'That did not work. Check what you entered and try again.';
}

let pending = false;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (pending) return;
  // Not `disabled`: that would drop a keyboard user's focus to the page.
  pending = true;
  submit.setAttribute('aria-disabled', 'true');
  error.textContent = '';
  const problem = await send();
  if (!problem) return location.assign(returnTo());
  pending = false;
  submit.removeAttribute('aria-disabled');
  error.textContent = problem;
});
