/**
 * The console's sign-in as on AWS, in chromium: the local server serves a /config.json naming a
 * small OAuth stub (this file's), which redirects back with a code and gives tokens only for the
 * verifier whose S256 challenge it was sent (RFC 7636). The API lets in only the stub's current
 * access token. The page signs in, calls the API with the bearer token, refreshes it on a 401,
 * downloads files with it, and signs out. Skipped, with the reason in the suite's name, where
 * /usr/bin/chromium is missing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleServer, serveConsole } from '../../local/console-server.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';
import { HAS_CHROMIUM, launchBrowser, openPage, type PageGlobals, SKIP_REASON } from './support.js';

const CLIENT_ID = 'console-client';
const SEED_FILE = EXPECTED_SAMPLES[0]?.file ?? '';
const SEED_KEY = `incoming/seed/${SEED_FILE}`;

/** The stub's record of what it was asked and what it gave. */
interface OAuthStub {
  readonly origin: string;
  /** Each token request's form. */
  readonly tokenRequests: URLSearchParams[];
  /** Each sign-out's query. */
  readonly logouts: URLSearchParams[];
  /** Access tokens given, in order; the API accepts only those not revoked. */
  readonly issued: string[];
  readonly revoked: Set<string>;
  /** Authorization headers the API received. */
  readonly seen: string[];
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

/** Cognito's managed login as the page sees it: authorize, token (with PKCE) and logout. */
async function startOAuthStub(): Promise<OAuthStub> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const stub = {
    tokenRequests: [] as URLSearchParams[],
    logouts: [] as URLSearchParams[],
    issued: [] as string[],
    revoked: new Set<string>(),
    seen: [] as string[],
  };
  const tokens = (response: ServerResponse, origin: string, refreshToken?: string) => {
    const accessToken = `access-${stub.issued.length + 1}`;
    stub.issued.push(accessToken);
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: 3600,
      token_type: 'Bearer',
    };
    if (refreshToken) {
      refreshTokens.add(refreshToken);
      answer.refresh_token = refreshToken;
      answer.id_token = `id-${accessToken}`;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': origin });
    response.end(JSON.stringify(answer));
  };
  const refuse = (response: ServerResponse, origin: string, error: string) => {
    response.writeHead(400, { 'content-type': 'application/json', 'access-control-allow-origin': origin });
    response.end(JSON.stringify({ error }));
  };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub');
    const origin = request.headers.origin ?? '';
    if (request.method === 'GET' && url.pathname === '/oauth2/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (
        q.get('client_id') !== CLIENT_ID ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      ) {
        response.writeHead(400).end('bad authorize request');
        return;
      }
      const code = `code-${codes.size + 1}`;
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
      response.writeHead(302, { location: back.href }).end();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(await body(request));
      stub.tokenRequests.push(form);
      if (form.get('client_id') !== CLIENT_ID) return refuse(response, origin, 'invalid_client');
      if (form.get('grant_type') === 'authorization_code') {
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (!issued || issued.challenge !== challenge || issued.redirectUri !== form.get('redirect_uri'))
          return refuse(response, origin, 'invalid_grant');
        return tokens(response, origin, `refresh-${stub.issued.length + 1}`);
      }
      if (form.get('grant_type') === 'refresh_token' && refreshTokens.has(form.get('refresh_token') ?? ''))
        return tokens(response, origin);
      return refuse(response, origin, 'invalid_grant');
    }
    if (request.method === 'GET' && url.pathname === '/logout') {
      stub.logouts.push(url.searchParams);
      response.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...stub,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let t: TestStack;
let stub: OAuthStub;
let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  t = await startTestStack();
  await t.put(SEED_KEY, sample(SEED_FILE));
  await t.stack.idle();
  stub = await startOAuthStub();
  server = await serveConsole(t.stack, {
    onError: () => {},
    signIn: {
      runtimeConfig: (url) => ({
        auth: {
          region: 'eu-west-1',
          userPoolId: 'eu-west-1_test',
          clientId: CLIENT_ID,
          domain: stub.origin,
          authorizeUrl: `${stub.origin}/oauth2/authorize`,
          tokenUrl: `${stub.origin}/oauth2/token`,
          logoutUrl: `${stub.origin}/logout`,
          redirectUri: url,
          logoutUri: url,
          scopes: ['openid', 'email', 'profile'],
        },
      }),
      authorize: (c) => {
        const header = c.req.header('authorization') ?? '';
        stub.seen.push(header);
        const token = header.replace(/^Bearer /, '');
        return stub.issued.includes(token) && !stub.revoked.has(token)
          ? { user: 'jdoe', groups: ['archivists'] }
          : undefined;
      },
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stub?.close();
  await t?.stack.stop();
});

/** The text of the header's session line. */
async function sessionLine(page: import('playwright-core').Page): Promise<string> {
  await page.waitForFunction(
    () =>
      ((globalThis as unknown as PageGlobals).document.querySelector('#session')?.textContent ?? '') !== '',
    undefined,
    { timeout: 20_000 },
  );
  return (await page.textContent('#session')) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)(`signing in to the console as on AWS${SKIP_REASON}`, () => {
  it('signs in with PKCE, calls the API with the bearer token, refreshes it on a 401, downloads with it, and signs out', async () => {
    // Arrange
    const { page, context, problems } = await openPage(browser);

    // Act: open the console; it goes to the login and comes back with a code.
    await page.goto(new URL('#/upload', server.url).href);
    const signedIn = await sessionLine(page);

    // Assert: signed in, the code exchanged with its verifier, the URL clean, the token sent.
    expect(signedIn).toBe('jdoe · archivist');
    expect(stub.tokenRequests.map((f) => f.get('grant_type'))).toEqual(['authorization_code']);
    expect(stub.tokenRequests[0]?.get('redirect_uri')).toBe(server.url);
    expect(page.url()).toBe(new URL('#/upload', server.url).href);
    expect(stub.seen).toContain('Bearer access-1');
    const stored = await page.evaluate(() => {
      const g = globalThis as unknown as {
        sessionStorage: { getItem(key: string): string | null };
        localStorage: { length: number };
      };
      return { session: g.sessionStorage.getItem('undocs.auth.tokens'), local: g.localStorage.length };
    });
    expect(JSON.parse(stored.session ?? '{}')).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
    expect(stored.local).toBe(0);
    expect(problems).toEqual([]);

    // Act: the token is revoked; the next API call gets a 401, refreshes once and tries again.
    stub.revoked.add('access-1');
    await page.goto(new URL('#/documents', server.url).href);
    await page.waitForSelector('main h1');
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.querySelector('main .error') === null,
    );
    await expect.poll(() => stub.seen.includes('Bearer access-2')).toBe(true);

    // Assert
    expect(stub.tokenRequests.map((f) => f.get('grant_type'))).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect(stub.tokenRequests[1]?.get('refresh_token')).toBe('refresh-1');

    // Act: download the extraction and the original, which a plain link could not (no token).
    await page.goto(new URL(`#/documents/${t.documentId(SEED_KEY)}`, server.url).href);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Download the extraction (JSON)'),
    ]);
    const [original] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Download the original PDF'),
    ]);

    // Assert
    expect(json.suggestedFilename()).toBe(SEED_FILE.replace(/\.pdf$/, '.json'));
    expect(JSON.parse(await readFile((await json.path()) ?? '', 'utf8')).documentId).toBe(
      t.documentId(SEED_KEY),
    );
    expect(original.suggestedFilename()).toBe(SEED_FILE);
    expect((await readFile((await original.path()) ?? '')).subarray(0, 5).toString()).toBe('%PDF-');

    // Act: sign out; the login sends the browser back, which signs in anew.
    await page.click('button.sign-out');
    await expect.poll(() => stub.logouts.length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => stub.issued.length, { timeout: 20_000 }).toBe(3);
    await sessionLine(page);

    // Assert: the logout named the client and the way back; the tokens were forgotten (a new code).
    expect(Object.fromEntries(stub.logouts[0] ?? [])).toEqual({
      client_id: CLIENT_ID,
      logout_uri: server.url,
    });
    expect(stub.tokenRequests.map((f) => f.get('grant_type'))).toEqual([
      'authorization_code',
      'refresh_token',
      'authorization_code',
    ]);
    await context.close();
  });
});
