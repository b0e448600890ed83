/**
 * The console's sign-in on AWS (console/ui/auth.js): PKCE by RFC 7636's own test vector, the URLs
 * sent to the managed login, the callback's state check, token expiry, and the flow over fakes of
 * the browser's storage, fetch, location and history.
 */
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  authorizeUrl,
  base64url,
  callbackCode,
  codeChallenge,
  codeExchangeBody,
  createAuth,
  isExpiring,
  logoutUrl,
  PENDING_KEY,
  randomToken,
  TOKENS_KEY,
  tokensFrom,
  // @ts-expect-error: a browser module in plain JavaScript, without declarations.
} from '../../console/ui/auth.js';

const AUTH = {
  clientId: 'client-1',
  authorizeUrl: 'https://login.example/oauth2/authorize',
  tokenUrl: 'https://login.example/oauth2/token',
  logoutUrl: 'https://login.example/logout',
  redirectUri: 'https://console.example/',
  logoutUri: 'https://console.example/',
  scopes: ['openid', 'email', 'profile'],
};

describe('PKCE (RFC 7636)', () => {
  it("gives Appendix B's verifier for its octets and its S256 challenge for that verifier", async () => {
    // Arrange: the 32 octets of RFC 7636, Appendix B.
    const octets = Uint8Array.from([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]);

    // Act
    const verifier = base64url(octets);
    const challenge = await codeChallenge(verifier);

    // Assert
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 base64url characters from getRandomValues, a new one each time', () => {
    const a = randomToken();
    const b = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
  });
});

describe('the URLs of the managed login', () => {
  it('asks for a code with the S256 challenge, the state, the client, the redirect and the scopes', () => {
    const url = new URL(authorizeUrl(AUTH, { state: 'st', challenge: 'ch' }));
    expect(`${url.origin}${url.pathname}`).toBe(AUTH.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://console.example/',
      scope: 'openid email profile',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('signs out with the client id and the page to come back to', () => {
    expect(logoutUrl(AUTH)).toBe(
      'https://login.example/logout?client_id=client-1&logout_uri=https%3A%2F%2Fconsole.example%2F',
    );
  });

  it('exchanges a code with the verifier, the client and the same redirect', () => {
    expect(Object.fromEntries(codeExchangeBody(AUTH, 'the-code', 'the-verifier'))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client-1',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: 'https://console.example/',
    });
  });
});

describe("the login's answer", () => {
  it.each([
    ['a state of another sign-in', '?code=c&state=forged', 'mine'],
    ['no state', '?code=c', 'mine'],
    ['no sign-in under way in this tab', '?code=c&state=mine', undefined],
  ])('is refused with %s', (_, search, expected) => {
    expect(() => callbackCode(new URLSearchParams(search), expected)).toThrow(AuthError);
  });

  it('gives the code when the state is the one sent, nothing when the query is not an answer', () => {
    expect(callbackCode(new URLSearchParams('?code=c&state=mine'), 'mine')).toBe('c');
    expect(callbackCode(new URLSearchParams('?x=1'), 'mine')).toBeUndefined();
  });

  it("says the login's refusal", () => {
    expect(() =>
      callbackCode(new URLSearchParams('?error=access_denied&error_description=No&state=mine'), 'mine'),
    ).toThrow('The sign-in failed: No.');
  });
});

describe('token expiry', () => {
  it('keeps when the access token expires, and the refresh token across a refresh', () => {
    const first = tokensFrom({ access_token: 'a1', refresh_token: 'r1', expires_in: 3600 }, 1_000);
    const second = tokensFrom({ access_token: 'a2', expires_in: 3600 }, 2_000, first.refreshToken);
    expect(first).toMatchObject({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 3_601_000 });
    expect(second).toMatchObject({ accessToken: 'a2', refreshToken: 'r1', expiresAt: 3_602_000 });
  });

  it('counts a token as expiring a minute before it expires', () => {
    const tokens = { expiresAt: 100_000 };
    expect(isExpiring(tokens, 39_999)).toBe(false);
    expect(isExpiring(tokens, 40_000)).toBe(true);
    expect(isExpiring(tokens, 200_000)).toBe(true);
  });

  it('refuses an answer without an access token', () => {
    expect(() => tokensFrom({ id_token: 'x' }, 0)).toThrow(AuthError);
  });
});

/** The browser, as the flow sees it: a Map for sessionStorage, a recording fetch, location and history. */
function fakeBrowser(search = '', answer: (body: URLSearchParams) => Response = () => Response.json({})) {
  const items = new Map<string, string>();
  const requests: URLSearchParams[] = [];
  const assigned: string[] = [];
  const replaced: string[] = [];
  let clock = 0;
  const env = {
    storage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    },
    fetch: async (_url: string, init: { body: string }) => {
      const body = new URLSearchParams(init.body);
      requests.push(body);
      return answer(body);
    },
    location: { search, hash: '#/upload', pathname: '/', assign: (url: string) => void assigned.push(url) },
    history: { replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) },
    now: () => clock,
  };
  return {
    env,
    items,
    requests,
    assigned,
    replaced,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('the sign-in flow', () => {
  it('goes to sign in, then exchanges the code with the verifier whose challenge it sent, and cleans the URL', async () => {
    // Arrange: the first load goes to the login.
    const first = fakeBrowser();
    expect(await createAuth(AUTH, first.env).start()).toBe(false);
    const sent = new URL(first.assigned[0] ?? '').searchParams;
    const pending = JSON.parse(first.items.get(PENDING_KEY) ?? '{}');
    const back = fakeBrowser(`?code=the-code&state=${sent.get('state')}`, () =>
      Response.json({ access_token: 'a1', refresh_token: 'r1', expires_in: 3600 }),
    );
    back.items.set(PENDING_KEY, JSON.stringify(pending));

    // Act
    const auth = createAuth(AUTH, back.env);
    const ready = await auth.start();

    // Assert
    expect(ready).toBe(true);
    expect(await codeChallenge(back.requests[0]?.get('code_verifier'))).toBe(sent.get('code_challenge'));
    expect(back.requests[0]?.get('code')).toBe('the-code');
    expect(back.replaced).toEqual(['/#/upload']);
    expect(back.items.has(PENDING_KEY)).toBe(false);
    expect(await auth.accessToken()).toBe('a1');
  });

  it('refuses a code whose state is not this tab’s, and exchanges nothing', async () => {
    const b = fakeBrowser('?code=c&state=forged');
    b.items.set(PENDING_KEY, JSON.stringify({ state: 'mine', verifier: 'v', hash: '' }));
    await expect(createAuth(AUTH, b.env).start()).rejects.toThrow(AuthError);
    expect(b.requests).toEqual([]);
  });

  it('refreshes an access token about to expire before using it', async () => {
    const b = fakeBrowser('', (body) =>
      Response.json({ access_token: `for-${body.get('refresh_token')}`, expires_in: 3600 }),
    );
    b.items.set(TOKENS_KEY, JSON.stringify({ accessToken: 'old', refreshToken: 'r1', expiresAt: 3_600_000 }));
    const auth = createAuth(AUTH, b.env);
    expect(await auth.accessToken()).toBe('old');

    b.tick(3_550_000);

    expect(await auth.accessToken()).toBe('for-r1');
    expect(b.requests.map((r) => r.get('grant_type'))).toEqual(['refresh_token']);
  });

  it('signs out: forgets the tokens and goes to the logout URL', () => {
    const b = fakeBrowser();
    b.items.set(TOKENS_KEY, '{}');
    createAuth(AUTH, b.env).signOut();
    expect(b.items.size).toBe(0);
    expect(b.assigned).toEqual([logoutUrl(AUTH)]);
  });
});
