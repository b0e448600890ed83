// Sign-in on AWS: OAuth 2.0 authorization code with PKCE (RFC 7636, S256) against the user pool's
// managed login, as /config.json describes it (cdk/constructs/console.ts ConsoleRuntimeConfig).
// Locally /config.json has no `auth` (local/console-server.ts answers `{}`) and nobody signs in.
// The pure parts (verifier, challenge, URLs, the callback's check, token expiry) are exported on
// their own so Node can test them; the flow takes its storage, fetch, location and history as
// arguments for the same reason.
// Tokens live in sessionStorage: one tab's session, gone when the tab closes.

/** Key of the tokens in sessionStorage. */
export const TOKENS_KEY = 'undocs.auth.tokens';
/** Key of the sign-in under way (state, verifier, where to come back to) in sessionStorage. */
export const PENDING_KEY = 'undocs.auth.pending';
/** How long before its expiry an access token is refreshed. */
export const REFRESH_MARGIN_MS = 60_000;

/** A sign-in that went wrong: shown to the user as it is. */
export class AuthError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Bytes as base64url without padding (RFC 7636, Appendix A). */
export function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of 43 base64url characters (32 bytes), for a PKCE verifier or a state. */
export function randomToken(random = globalThis.crypto) {
  return base64url(random.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallenge(verifier) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/**
 * The managed login's authorize URL.
 * @param {{ authorizeUrl: string, clientId: string, redirectUri: string, scopes: string[] }} auth
 * @param {{ state: string, challenge: string }} request
 */
export function authorizeUrl(auth, request) {
  const url = new URL(auth.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: auth.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/**
 * The managed login's sign-out URL, which comes back to `logoutUri`.
 * @param {{ logoutUrl: string, clientId: string, logoutUri: string }} auth
 */
export function logoutUrl(auth) {
  const url = new URL(auth.logoutUrl);
  url.search = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.logoutUri }).toString();
  return url.href;
}

/**
 * The body of the token request that exchanges a code.
 * @param {{ clientId: string, redirectUri: string }} auth
 */
export function codeExchangeBody(auth, code, verifier) {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: auth.clientId,
    code,
    code_verifier: verifier,
    redirect_uri: auth.redirectUri,
  });
}

/** The body of the token request that refreshes the tokens. */
export function refreshBody(auth, refreshToken) {
  return new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: auth.clientId,
    refresh_token: refreshToken,
  });
}

/**
 * The code of the login's answer, or undefined when the query is not one. Throws {@link AuthError}
 * when the login said no, or when its `state` is not the one this tab sent (a forged answer).
 * @param {URLSearchParams} params the page's query
 * @param {string | undefined} expectedState
 */
export function callbackCode(params, expectedState) {
  const code = params.get('code');
  const error = params.get('error');
  if (code === null && error === null) return undefined;
  if (expectedState === undefined || params.get('state') !== expectedState)
    throw new AuthError('The sign-in answer does not match a sign-in from this tab; sign in again.');
  if (error !== null) throw new AuthError(`The sign-in failed: ${params.get('error_description') ?? error}.`);
  return code ?? undefined;
}

/**
 * Tokens as kept: the token endpoint's answer, with its `expires_in` made a time. A refresh's answer
 * has no refresh token: the previous one is kept.
 * @param {{ access_token?: unknown, id_token?: unknown, refresh_token?: unknown, expires_in?: unknown }} answer
 * @param {number} now milliseconds since the epoch
 * @param {string} [previousRefreshToken]
 */
export function tokensFrom(answer, now, previousRefreshToken) {
  if (typeof answer?.access_token !== 'string' || answer.access_token === '')
    throw new AuthError('The sign-in service answered without an access token.');
  const seconds = Number(answer.expires_in);
  return {
    accessToken: answer.access_token,
    idToken: typeof answer.id_token === 'string' ? answer.id_token : undefined,
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : previousRefreshToken,
    expiresAt: now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 0) * 1000,
  };
}

/** Whether the access token is expired, or will be within `margin` milliseconds. */
export function isExpiring(tokens, now, margin = REFRESH_MARGIN_MS) {
  return now + margin >= tokens.expiresAt;
}

/**
 * The runtime configuration, or null where nobody signs in: a configuration without `auth` (the
 * local server's) or none at all (404).
 * @param {typeof fetch} fetchFn
 */
export async function loadConfig(fetchFn = fetch) {
  const response = await fetchFn('/config.json', { credentials: 'same-origin', cache: 'no-cache' });
  if (response.status === 404) return null;
  if (!response.ok) throw new AuthError(`The console's configuration answered ${response.status}.`);
  const config = await response.json();
  return config?.auth ? config : null;
}

/**
 * The sign-in flow of one page.
 * @param {{ authorizeUrl: string, tokenUrl: string, logoutUrl: string, clientId: string, redirectUri: string, logoutUri: string, scopes: string[] }} auth
 * @param {{ storage: Storage, fetch: typeof fetch, location: Location, history: History, now?: () => number }} env
 */
export function createAuth(auth, env) {
  const now = env.now ?? (() => Date.now());
  let refreshing = null;

  const read = (key) => {
    try {
      return JSON.parse(env.storage.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  };
  const write = (key, value) => env.storage.setItem(key, JSON.stringify(value));

  async function tokenRequest(body, previousRefreshToken) {
    const response = await env.fetch(auth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      answer = null;
    }
    if (!response.ok)
      throw new AuthError(
        `The sign-in service refused the tokens: ${answer?.error ?? `${response.status}`}.`,
      );
    const tokens = tokensFrom(answer, now(), previousRefreshToken);
    write(TOKENS_KEY, tokens);
    return tokens;
  }

  const flow = {
    /** Sends the browser to the managed login; the page is left. */
    async signIn() {
      const state = randomToken();
      const verifier = randomToken();
      write(PENDING_KEY, { state, verifier, hash: env.location.hash });
      env.storage.removeItem(TOKENS_KEY);
      env.location.assign(authorizeUrl(auth, { state, challenge: await codeChallenge(verifier) }));
    },

    /**
     * On load: finishes a sign-in coming back with a code, or reuses this tab's tokens, or starts a
     * sign-in. True when the page may call the API, false when the browser is on its way to sign in.
     */
    async start() {
      const params = new URLSearchParams(env.location.search);
      const pending = read(PENDING_KEY);
      const code = callbackCode(params, pending?.state);
      if (code !== undefined) {
        env.storage.removeItem(PENDING_KEY);
        // The code is single-use; take it out of the address bar and the history at once.
        env.history.replaceState(null, '', `${env.location.pathname}${pending.hash ?? ''}`);
        await tokenRequest(codeExchangeBody(auth, code, pending.verifier));
        return true;
      }
      const tokens = read(TOKENS_KEY);
      if (tokens && !isExpiring(tokens, now())) return true;
      if (tokens?.refreshToken && (await flow.refresh())) return true;
      await flow.signIn();
      return false;
    },

    /** Refreshes the tokens with the refresh token: true if that worked (concurrent calls share one request). */
    refresh() {
      refreshing ??= (async () => {
        const tokens = read(TOKENS_KEY);
        if (!tokens?.refreshToken) return false;
        try {
          await tokenRequest(refreshBody(auth, tokens.refreshToken), tokens.refreshToken);
          return true;
        } catch {
          env.storage.removeItem(TOKENS_KEY);
          return false;
        }
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    /** A valid access token, refreshed first when about to expire; undefined when there is none. */
    async accessToken() {
      let tokens = read(TOKENS_KEY);
      if (tokens && isExpiring(tokens, now()) && (await flow.refresh())) tokens = read(TOKENS_KEY);
      return tokens?.accessToken;
    },

    /** Forgets the tokens and signs out of the managed login, which sends the browser back. */
    signOut() {
      env.storage.removeItem(TOKENS_KEY);
      env.storage.removeItem(PENDING_KEY);
      env.location.assign(logoutUrl(auth));
    },
  };
  return flow;
}
