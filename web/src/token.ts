// The server's bearer token, as the user typed it in the header's token field: kept for this tab
// (sessionStorage) or, when asked to remember it, on this device (localStorage). Never put in a URL.
const KEY = 'rasad.token';

export function savedToken(): string | null {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

export function saveToken(token: string, remember: boolean): void {
  forgetToken();
  (remember ? localStorage : sessionStorage).setItem(KEY, token.trim());
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export function tokenRemembered(): boolean {
  return localStorage.getItem(KEY) !== null;
}
