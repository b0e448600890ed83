/**
 * Who is asking, and what they may do: the console's one authorisation port. The app asks it on
 * every API call; the runtime provides it. Locally, {@link loopbackAuthorizer} lets in whoever
 * reaches the server on 127.0.0.1 by its own name; on AWS, {@link jwtClaimsAuthorizer} reads the
 * Cognito claims API Gateway's JWT authorizer verified before the function is invoked.
 *
 * Two groups: readers browse, search and download; archivists may also upload, reprocess and
 * redrive. A signed-in user in neither group may do nothing: ops grant access by adding a user to a
 * group, never by creating one.
 */
import type { Context } from 'hono';

/** The group whose members may upload, reprocess and redrive. */
export const ARCHIVISTS = 'archivists';
/** The group whose members may browse, search and download. */
export const READERS = 'readers';

/** Who made a request. */
export interface Principal {
  readonly user: string;
  readonly groups: readonly string[];
}

/** The port: the principal behind a request, or undefined to refuse it (401). */
export type Authorize = (c: Context) => Principal | undefined | Promise<Principal | undefined>;

/** Whether a principal may browse, search and download: a member of either group. */
export function canRead(principal: Principal): boolean {
  return principal.groups.includes(READERS) || canWrite(principal);
}

/** Whether a principal may change things (upload, reprocess, redrive). */
export function canWrite(principal: Principal): boolean {
  return principal.groups.includes(ARCHIVISTS);
}

/** Loopback addresses, as Node reports a peer: 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127(\.\d{1,3}){3}$/.test(v4);
}

/**
 * The local authorizer: an archivist, for a request that comes from this machine (a loopback
 * peer) and names the server by one of `hosts` (`127.0.0.1:<port>`, `localhost:<port>`). The Host
 * check keeps out a page elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding).
 */
export function loopbackAuthorizer(options: {
  readonly hosts: readonly string[];
  readonly remoteAddress: (c: Context) => string | undefined;
}): Authorize {
  const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));
  return (c) =>
    isLoopback(options.remoteAddress(c)) && hosts.has((c.req.header('host') ?? '').toLowerCase())
      ? { user: 'local', groups: [ARCHIVISTS] }
      : undefined;
}

/** What the Lambda adapter of hono puts in `c.env`: the API Gateway (HTTP API) event. */
interface LambdaBindings {
  readonly event?: {
    readonly requestContext?: {
      readonly authorizer?: { readonly jwt?: { readonly claims?: Readonly<Record<string, unknown>> } };
    };
  };
}

/**
 * The AWS authorizer: the claims an API Gateway HTTP API JWT authorizer verified (a Cognito user
 * pool's ID or access token), so the function never sees an unverified token. Groups come from
 * `cognito:groups`, which API Gateway passes as an array or as its text form `[a b]`.
 */
export function jwtClaimsAuthorizer(): Authorize {
  return (c) => {
    const claims = (c.env as LambdaBindings | undefined)?.event?.requestContext?.authorizer?.jwt?.claims;
    const user = claims?.['cognito:username'] ?? claims?.username ?? claims?.sub;
    if (typeof user !== 'string' || user === '') return undefined;
    return { user, groups: groupsOf(claims?.['cognito:groups']) };
  };
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((g) => g !== '');
}
