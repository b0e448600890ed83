/** SDK clients for the local stack's embedded servers (kept light: the CLI imports this). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

/** Region the local stack pretends to be in. */
export const LOCAL_REGION = 'us-east-1';
/** Account id the local stack reports (in event envelopes and ARNs). */
export const LOCAL_ACCOUNT = '000000000000';
/** Credentials the embedded servers accept: s3rver's fixed pair (dynalite checks none). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** SDK clients for local endpoints: path-style S3, checksums only when required (s3rver, NOTES.md). */
export function localClients(endpoints: { s3: string; dynamodb: string }): {
  s3: S3Client;
  dynamodb: DynamoDBClient;
} {
  return {
    s3: new S3Client({
      endpoint: endpoints.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    dynamodb: new DynamoDBClient({
      endpoint: endpoints.dynamodb,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  };
}

/** An SQS client for the local stack's SQS endpoint (local/sqs-api.ts). */
export function localSqsClient(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
