/**
 * `undocs watch` against a deployed stack. An EventBridge bus cannot be read, only routed: for as
 * long as the command runs, a rule on the stack's bus sends every undocs event to a temporary SQS
 * queue, which this polls; on exit (Ctrl-C) the target, the rule and the queue are deleted. Both
 * are named `undocs-watch-<random>`; one a killed process left behind can be deleted by that name.
 *
 * Needs, besides read access: sqs:CreateQueue, GetQueueAttributes, SetQueueAttributes,
 * ReceiveMessage, DeleteMessage, DeleteQueue; events:PutRule, PutTargets, RemoveTargets, DeleteRule.
 * Not covered by the test suite (it needs an AWS account); keep it this small.
 */
import { randomBytes } from 'node:crypto';
import {
  DeleteRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { EVENT_SOURCE } from '../../lib/events.js';
import type { EventsSource } from '../target.js';
import { isDocumentEvent, type WatchHandlers } from './watch.js';

/** The queue policy that lets exactly one rule send to the queue. */
export function watchQueuePolicy(queueArn: string, ruleArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      },
    ],
  });
}

/** Routes the bus's undocs events to a temporary queue and prints them until `signal` aborts. */
export async function followAwsBus(
  source: Extract<EventsSource, { kind: 'aws' }>,
  handlers: WatchHandlers,
  signal: AbortSignal,
): Promise<void> {
  const config = source.region ? { region: source.region } : {};
  const events = new EventBridgeClient(config);
  const sqs = new SQSClient(config);
  const name = `undocs-watch-${randomBytes(4).toString('hex')}`;
  const bus = source.bus;
  const undo: { what: string; run: () => Promise<unknown> }[] = [];
  try {
    const { QueueUrl: queueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: { MessageRetentionPeriod: '3600', SqsManagedSseEnabled: 'true' },
        tags: { 'undocs:watch': bus },
      }),
    );
    if (!queueUrl) throw new Error(`CreateQueue returned no URL for ${name}`);
    undo.push({ what: `queue ${name}`, run: () => sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })) });
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
    const queueArn = attributes.Attributes?.QueueArn;
    if (!queueArn) throw new Error(`Queue ${name} has no ARN`);

    const { RuleArn: ruleArn } = await events.send(
      new PutRuleCommand({
        Name: name,
        EventBusName: bus,
        EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
        State: 'ENABLED',
        Description: 'Temporary rule of undocs watch; deleted when it exits',
      }),
    );
    if (!ruleArn) throw new Error(`PutRule returned no ARN for ${name}`);
    undo.push({
      what: `rule ${name} on bus ${bus}`,
      run: () => events.send(new DeleteRuleCommand({ Name: name, EventBusName: bus })),
    });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: queueUrl,
        Attributes: { Policy: watchQueuePolicy(queueArn, ruleArn) },
      }),
    );
    await events.send(
      new PutTargetsCommand({ Rule: name, EventBusName: bus, Targets: [{ Id: 'watch', Arn: queueArn }] }),
    );
    undo.push({
      what: `target of rule ${name}`,
      run: () => events.send(new RemoveTargetsCommand({ Rule: name, EventBusName: bus, Ids: ['watch'] })),
    });
    handlers.onReady(`bus ${bus}, through the temporary queue ${name}`);

    while (!signal.aborted) {
      const out = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
        { abortSignal: signal },
      );
      const messages = out.Messages ?? [];
      for (const message of messages) {
        const event: unknown = JSON.parse(message.Body ?? 'null');
        if (isDocumentEvent(event)) handlers.onEvent(event);
      }
      if (messages.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    // Target before rule (a rule with targets cannot be deleted), rule before queue.
    for (const step of undo.reverse()) {
      try {
        await step.run();
      } catch (error) {
        handlers.log(`Could not delete the ${step.what}: ${(error as Error).message}; delete it by hand.`);
      }
    }
    events.destroy();
    sqs.destroy();
  }
}
