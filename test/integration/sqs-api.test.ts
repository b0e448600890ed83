/**
 * The local queues' SQS endpoint (local/sqs-api.ts) as the real `@aws-sdk/client-sqs` client sees
 * it: the calls `undocs redrive`, `undocs reprocess` and `undocs status` make, with SQS's answers
 * and refusals.
 */
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import { LocalQueue } from '../../local/queue.js';
import { type SqsServer, serveSqs } from '../../local/sqs-api.js';

let server: SqsServer;
let sqs: SQSClient;
let queue: LocalQueue;
let deadLetter: LocalQueue;
const url = (name: string) => `${server.endpoint}/${LOCAL_ACCOUNT}/${name}`;
const arn = (name: string) => `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${name}`;

beforeAll(async () => {
  deadLetter = new LocalQueue({ name: 'Dlq', visibilityTimeoutMs: 3_600_000 });
  queue = new LocalQueue({
    name: 'Ingest',
    visibilityTimeoutMs: 3_600_000,
    deadLetter: { queue: deadLetter, maxReceiveCount: 5 },
  });
  server = await serveSqs(
    new Map([
      ['Ingest', queue],
      ['Dlq', deadLetter],
    ]),
    { region: LOCAL_REGION, account: LOCAL_ACCOUNT },
  );
  sqs = new SQSClient({ endpoint: server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
});

afterAll(async () => {
  sqs?.destroy();
  await server?.close();
});

describe('the local SQS endpoint', () => {
  it('names its queues by URL and ARN, and reports the redrive policy and depths', async () => {
    // Arrange
    queue.send('waiting');
    queue.send('in flight');
    queue.receive(1);

    // Act
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'Ingest' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    );

    // Assert
    expect(QueueUrl).toBe(url('Ingest'));
    expect(Attributes).toMatchObject({
      QueueArn: arn('Ingest'),
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn('Dlq'), maxReceiveCount: 5 }),
    });
  });

  it('takes messages one by one and in batches, with the MD5 the SDK checks', async () => {
    // Arrange
    const before = queue.depth;

    // Act
    const one = await sqs.send(new SendMessageCommand({ QueueUrl: url('Ingest'), MessageBody: 'é one' }));
    const batch = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url('Ingest'),
        Entries: [
          { Id: 'a', MessageBody: 'two' },
          { Id: 'b', MessageBody: 'three' },
        ],
      }),
    );

    // Assert
    expect(one.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(batch.Successful?.map((s) => s.Id)).toEqual(['a', 'b']);
    expect(batch.Failed).toEqual([]);
    expect(queue.depth).toBe(before + 3);
    expect(
      queue
        .peek()
        .slice(-3)
        .map((m) => m.body),
    ).toEqual(['é one', 'two', 'three']);
  });

  it.each([
    [
      'an unknown queue',
      () => new SendMessageCommand({ QueueUrl: url('Nope'), MessageBody: 'x' }),
      'QueueDoesNotExist',
    ],
    [
      'a batch of eleven',
      () =>
        new SendMessageBatchCommand({
          QueueUrl: url('Ingest'),
          Entries: Array.from({ length: 11 }, (_, i) => ({ Id: String(i), MessageBody: 'x' })),
        }),
      'TooManyEntriesInBatchRequest',
    ],
    [
      'a move from a queue that is no dead-letter queue',
      () => new StartMessageMoveTaskCommand({ SourceArn: arn('Ingest') }),
      'InvalidParameterValue',
    ],
    [
      'an operation it does not implement',
      () => new ReceiveMessageCommand({ QueueUrl: url('Ingest') }),
      'UnsupportedOperation',
    ],
  ])('refuses %s as SQS does', async (_case, command, name) => {
    // Act
    const sending = sqs.send(command() as SendMessageCommand);

    // Assert
    await expect(sending).rejects.toMatchObject({ name });
  });

  it('moves the dead-letter queue back to its source queue, and lists the task as completed', async () => {
    // Arrange
    deadLetter.send('failed one');
    deadLetter.send('failed two');
    const before = queue.depth;

    // Act
    const { TaskHandle } = await sqs.send(
      new StartMessageMoveTaskCommand({ SourceArn: arn('Dlq'), DestinationArn: arn('Ingest') }),
    );
    const { Results } = await sqs.send(
      new ListMessageMoveTasksCommand({ SourceArn: arn('Dlq'), MaxResults: 10 }),
    );

    // Assert
    expect(deadLetter.depth).toBe(0);
    expect(queue.depth).toBe(before + 2);
    expect(Results).toEqual([
      expect.objectContaining({
        TaskHandle,
        Status: 'COMPLETED',
        SourceArn: arn('Dlq'),
        DestinationArn: arn('Ingest'),
        ApproximateNumberOfMessagesMoved: 2,
        ApproximateNumberOfMessagesToMove: 2,
      }),
    ]);
  });
});
