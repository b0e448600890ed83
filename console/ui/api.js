// The console's API, as the pages call it: JSON in, JSON out, and a sentence when it says no.

/** An answer of the API other than 2xx: its sentence and its status. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** The sign-in flow on AWS (console/ui/auth.js createAuth); null locally, where nobody signs in. */
let signedIn = null;

/**
 * Makes every API call carry the signed-in user's access token (`Authorization: Bearer`).
 * @param {{ accessToken(): Promise<string | undefined>, refresh(): Promise<boolean>, signIn(): Promise<void> } | null} auth
 */
export function useAuth(auth) {
  signedIn = auth;
}

async function send(path, options, token) {
  const headers = options.body === undefined ? {} : { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
}

/**
 * Calls the API. `body`, when given, is sent as JSON (every write is). Signed in, a 401 (a token
 * revoked or expired early) refreshes the tokens once and tries again; if that fails too, the
 * browser goes to sign in again.
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [options]
 */
export async function api(path, options = {}) {
  let response = await send(path, options, await signedIn?.accessToken());
  if (response.status === 401 && signedIn) {
    if (await signedIn.refresh()) response = await send(path, options, await signedIn.accessToken());
    if (response.status === 401) {
      await signedIn.signIn();
      throw new ApiError('Your session has ended; signing in again.', 401);
    }
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok)
    throw new ApiError(
      data?.error ?? `The server answered ${response.status} ${response.statusText}.`,
      response.status,
    );
  return data;
}

/** Whether API calls carry a token (on AWS), so a plain link to the API would be refused. */
export function signedInCalls() {
  return signedIn !== null;
}

/**
 * Downloads what an API path answers (following a redirect to a presigned URL) as a file, with the
 * token a link cannot send: the file is fetched, then saved through a blob URL, under the name the
 * answer gives, or else `fallbackName`.
 * @param {string} path
 * @param {string} [fallbackName]
 */
export async function download(path, fallbackName) {
  let token = await signedIn?.accessToken();
  let response = await send(path, {}, token);
  if (response.status === 401 && signedIn && (await signedIn.refresh())) {
    token = await signedIn.accessToken();
    response = await send(path, {}, token);
  }
  if (!response.ok) {
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    throw new ApiError(data?.error ?? `The server answered ${response.status}.`, response.status);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="([^"]+)"/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? decodeURIComponent(name) : (fallbackName ?? path.split('/').pop() ?? 'download');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A query string from the non-empty values of an object. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The href of a document's page in the console. */
export function documentHref(documentId) {
  return `#/documents/${encodeURIComponent(documentId)}`;
}
