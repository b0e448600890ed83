/**
 * The console's S3 port: short-lived presigned requests, so the browser talks to the bucket
 * directly and the API never carries a PDF. An upload is a presigned PUT whose signature covers
 * its key, `Content-Type: application/pdf` and its exact `Content-Length`: S3 refuses the request
 * if any of them differs (the local S3 checks it the same way: local/s3-presigned.ts). The size
 * itself is checked against the limit before anything is signed.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** The content type every upload is signed for. */
export const PDF_CONTENT_TYPE = 'application/pdf';

/** A request the browser makes itself. */
export interface PresignedRequest {
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  /** Headers the browser must send exactly as given (they are signed). */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** What the console needs from object storage. */
export interface ConsoleStorage {
  /** The origin presigned requests go to (for the page's Content-Security-Policy). */
  origin(): Promise<string>;
  /** A PUT of exactly `size` bytes of `application/pdf` to `key`, and nothing else. */
  presignUpload(key: string, size: number): Promise<PresignedRequest>;
  /** A GET of `key`; with `downloadAs`, the browser saves it under that name. */
  presignDownload(key: string, options?: { readonly downloadAs?: string }): Promise<PresignedRequest>;
}

/** Options of {@link S3ConsoleStorage}. */
export interface S3ConsoleStorageOptions {
  /** How long an upload's signature holds, in seconds: signed just before the upload starts. @default 300 */
  readonly uploadExpiresSeconds?: number;
  /** How long a download's signature holds, in seconds: pdf.js reads the PDF in ranges while it is open. @default 900 */
  readonly downloadExpiresSeconds?: number;
}

/** Query parameters of flexible checksums: a presigned PUT carrying them is refused by S3 for any body but an empty one. */
const CHECKSUM_PARAMS = /[?&](x-amz-checksum-[a-z0-9]+|x-amz-sdk-checksum-algorithm)=/i;

/** The S3 adapter of {@link ConsoleStorage}. */
export class S3ConsoleStorage implements ConsoleStorage {
  constructor(
    /** Must be built with `requestChecksumCalculation: 'WHEN_REQUIRED'` (checked on each upload signed). */
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly options: S3ConsoleStorageOptions = {},
  ) {}

  async origin(): Promise<string> {
    return new URL((await this.presignDownload('origin-probe')).url).origin;
  }

  async presignUpload(key: string, size: number): Promise<PresignedRequest> {
    const expiresIn = this.options.uploadExpiresSeconds ?? 300;
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: PDF_CONTENT_TYPE,
        ContentLength: size,
      }),
      { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    if (CHECKSUM_PARAMS.test(url))
      throw new Error(
        "The S3 client signs checksums into presigned uploads; build it with requestChecksumCalculation: 'WHEN_REQUIRED'.",
      );
    return {
      method: 'PUT',
      url,
      headers: { 'Content-Type': PDF_CONTENT_TYPE },
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    };
  }

  async presignDownload(
    key: string,
    options: { readonly downloadAs?: string } = {},
  ): Promise<PresignedRequest> {
    const expiresIn = this.options.downloadExpiresSeconds ?? 900;
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: PDF_CONTENT_TYPE,
        ...(options.downloadAs !== undefined && {
          ResponseContentDisposition: contentDisposition(options.downloadAs),
        }),
      }),
      { expiresIn },
    );
    return {
      method: 'GET',
      url,
      headers: {},
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    };
  }
}

/**
 * `attachment` with the file name twice (RFC 6266): an ASCII fallback with quotes, backslashes and
 * controls replaced, and the exact name percent-encoded in `filename*`.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
