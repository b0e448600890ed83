import { describe, expect, it } from 'vitest';
import { classifyAwsError, isTransientAwsError } from '../../lib/aws-errors.js';
import { TransientIngestError } from '../../lib/errors.js';

/** An error shaped like an AWS SDK v3 service exception. */
function sdkError(name: string, httpStatusCode: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode }, ...extra });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4569`), { code });
}

describe('isTransientAwsError', () => {
  it.each([
    ['DynamoDB throttling', sdkError('ThrottlingException', 400)],
    ['exceeded provisioned throughput', sdkError('ProvisionedThroughputExceededException', 400)],
    ['an S3 SlowDown', sdkError('SlowDown', 503)],
    ['a transaction conflict', sdkError('TransactionConflictException', 400)],
    ['an SDK timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['a 500', sdkError('InternalError', 500)],
    ['a 503 with an unknown name', sdkError('SomethingUnavailable', 503)],
    ['an error the SDK marks retryable', sdkError('Unknown', 400, { $retryable: { throttling: false } })],
    ['a connection reset', networkError('ECONNRESET')],
    ['a refused connection', networkError('ECONNREFUSED')],
    ['a DNS failure', networkError('EAI_AGAIN')],
  ])('treats %s as transient', (_case, error) => {
    // Act
    const transient = isTransientAwsError(error);

    // Assert
    expect(transient).toBe(true);
  });

  it.each([
    ['a failed condition', sdkError('ConditionalCheckFailedException', 400)],
    ['denied access', sdkError('AccessDenied', 403)],
    ['a missing object', sdkError('NoSuchKey', 404)],
    ['a validation error', sdkError('ValidationException', 400)],
    ['a plain error', new Error('boom')],
    ['a file-system error code', networkError('ENOENT')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ThrottlingException'],
  ])('treats %s as not transient', (_case, error) => {
    // Act
    const transient = isTransientAwsError(error);

    // Assert
    expect(transient).toBe(false);
  });
});

describe('classifyAwsError', () => {
  it('wraps a transient error in a TransientIngestError that keeps the cause', () => {
    // Arrange
    const error = sdkError('ThrottlingException', 400);

    // Act
    const classified = classifyAwsError(error, 'Writing the document');

    // Assert
    expect(classified).toBeInstanceOf(TransientIngestError);
    expect(classified).toMatchObject({
      permanent: false,
      cause: error,
      message: 'Writing the document failed for now and will be retried: ThrottlingException happened',
    });
  });

  it.each([
    ['a permanent SDK error', sdkError('AccessDenied', 403)],
    ['a plain error', new Error('boom')],
    ['a thrown string', 'boom'],
  ])('returns %s unchanged', (_case, error) => {
    // Act
    const classified = classifyAwsError(error, 'Reading the object');

    // Assert
    expect(classified).toBe(error);
  });
});
