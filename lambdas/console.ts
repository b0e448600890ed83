/**
 * The console's API Lambda: the hono app of console/app.ts through hono's own aws-lambda adapter,
 * behind an API Gateway HTTP API whose JWT authorizer (a Cognito user pool) has verified the caller
 * before the function runs; console/authorize.ts reads the verified claims. Clients and config at
 * module scope, read once; the UI's files are served by CloudFront from a bucket, not from here.
 *
 * On AWS it needs: read access to the table; s3:PutObject on `<bucket>/<prefix>*` and s3:GetObject
 * on the bucket (the presigned requests carry the function's permissions); sqs:SendMessage on the
 * ingest queue; sqs:GetQueueAttributes on both queues and the dead-letter queue's redrive
 * permissions (lib/operations/redrive.ts). The bucket needs a CORS rule for the console's origin
 * (PUT and GET; ETag exposed).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { handle } from 'hono/aws-lambda';
import { createConsoleApp } from '../console/app.js';
import { jwtClaimsAuthorizer } from '../console/authorize.js';
import { S3ConsoleStorage } from '../console/storage.js';
import { loadConsoleConfig } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { DocumentRepository } from '../lib/repository.js';

const config = loadConsoleConfig();
// Checksums only when an operation requires them: a presigned PUT that carried the SDK's default
// CRC32 of an empty body would be refused by S3 for every real file.
const storage = new S3ConsoleStorage(
  new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' }),
  config.bucketName,
);

const app = createConsoleApp({
  deps: {
    repository: new DocumentRepository(new DynamoDBClient({}), config.tableName),
    storage,
    queues: {
      sqs: new SQSClient({}),
      queueUrl: config.queueUrl,
      deadLetterQueueUrl: config.deadLetterQueueUrl,
    },
    bucket: config.bucketName,
    prefix: config.ingestPrefix,
    maxUploadBytes: config.maxObjectBytes,
  },
  authorize: jwtClaimsAuthorizer(),
  allowedOrigins: config.allowedOrigins,
  connectOrigins: [await storage.origin()],
  onError: (error) => logger.error('Console request failed', { error: describeError(error) }),
});

/** The API Gateway (HTTP API, payload 2.0) handler. */
export const handler = handle(app);
