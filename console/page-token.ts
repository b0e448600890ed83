/**
 * Page tokens: DynamoDB's own cursor (LastEvaluatedKey, or one per status for the merged list),
 * handed to the browser as base64url JSON and handed back as it was. The browser treats it as
 * opaque; the server decodes it, checks it names the same kind of list, and the repository checks
 * its keys against the question (PageCursorError), so a token cannot read another partition.
 */

/** Longest token accepted: the keys of seven statuses fit well within it. */
export const MAX_TOKEN_CHARS = 4096;

/** A token that is not one this list could have given. */
export class PageTokenError extends Error {
  override readonly name = 'PageTokenError';
}

/** The token of the next page of a list of `kind`. */
export function encodePageToken(kind: string, cursor: unknown): string {
  return Buffer.from(JSON.stringify({ v: 1, kind, cursor }), 'utf8').toString('base64url');
}

/** The cursor a token holds, if it was made for a list of `kind`; throws PageTokenError otherwise. */
export function decodePageToken(kind: string, token: string): unknown {
  if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token))
    throw new PageTokenError('The page token is not one this console gave; start again from the first page.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new PageTokenError('The page token is not one this console gave; start again from the first page.');
  }
  const { v, kind: tokenKind, cursor } = (value ?? {}) as { v?: unknown; kind?: unknown; cursor?: unknown };
  if (v !== 1 || typeof cursor !== 'object' || cursor === null)
    throw new PageTokenError('The page token is not one this console gave; start again from the first page.');
  if (tokenKind !== kind)
    throw new PageTokenError('The page token belongs to another search; start again from the first page.');
  return cursor;
}
