// The console's only way to the server: the public HTTP API, with the signed-in token from sessionStorage.
// The token never goes into a URL or a log; requests send no cookies.

const TOKEN_KEY = 'govflow.token';

/** The token of this tab's session, or null. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps `value` as this tab's token (cleared when the tab closes). */
export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An error answer of the API: status, stable code, message and details. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details ?? null;
  }
}

/** A fresh Idempotency-Key: one per submission, so a double click or a retry decides once. */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return 'console-' + crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'console-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls the API. `body` is sent as JSON (a string is sent as is); `text: true` returns the body text.
 * Throws ApiError for every non-2xx answer.
 */
export async function api(path, { method = 'GET', body, idempotencyKey, text = false } = {}) {
  const headers = { Accept: 'application/json' };
  const current = token();
  if (current) headers.Authorization = 'Bearer ' + current;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    throw new ApiError(0, 'network', String(error && error.message ? error.message : error));
  }
  const raw = await response.text();
  if (!response.ok) {
    let data = null;
    try { data = JSON.parse(raw); } catch { data = null; }
    const e = (data && data.error) || { code: 'http-' + response.status, message: raw };
    throw new ApiError(response.status, e.code, e.message, e.details);
  }
  if (text) return raw;
  return raw ? JSON.parse(raw) : null;
}

/** A path segment, percent-encoded. */
export function seg(value) {
  return encodeURIComponent(String(value));
}

const definitionCache = new Map();

/** The parsed source of a deployed definition (cached), or null when it cannot be read. */
export async function definitionSource(id, version) {
  const key = id + '@' + version;
  if (!definitionCache.has(key)) {
    definitionCache.set(key, api(`/v1/definitions/${seg(id)}/versions/${seg(version)}`, { text: true })
      .then((source) => JSON.parse(source))
      .catch(() => null));
  }
  return definitionCache.get(key);
}

const betweenCache = new Map();

/** Working days d with from < d <= to in a calendar (cached). */
export async function workingDaysBetween(calendar, from, to) {
  const key = `${calendar}|${from}|${to}`;
  if (!betweenCache.has(key)) {
    betweenCache.set(key, api(`/v1/calendars/${seg(calendar)}/between?from=${from}&to=${to}`)
      .then((answer) => answer.workingDays)
      .catch(() => null));
  }
  return betweenCache.get(key);
}
