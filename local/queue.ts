/**
 * An in-process queue with the SQS semantics the pipeline relies on: at-least-once delivery,
 * a visibility timeout, a receive count, and a dead-letter queue after `maxReceiveCount` receives.
 */
import { randomUUID } from 'node:crypto';

/** A message as a consumer receives it. */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly sentAt: number;
  readonly firstReceivedAt: number;
}

interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt: number;
  visibleAt: number;
  receiptHandle: string | null;
}

/** Options of a local queue. */
export interface LocalQueueOptions {
  readonly name: string;
  /** How long a received message stays invisible before it can be received again. */
  readonly visibilityTimeoutMs: number;
  /** Where messages go after `maxReceiveCount` receives; none for a dead-letter queue itself. */
  readonly deadLetter?: { readonly queue: LocalQueue; readonly maxReceiveCount: number };
}

/** An in-memory SQS-like queue. */
export class LocalQueue {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly waiters = new Set<() => void>();

  constructor(readonly options: LocalQueueOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** Sends a message; returns its id. */
  send(body: string): string {
    const messageId = randomUUID();
    const now = Date.now();
    this.messages.set(messageId, {
      messageId,
      body,
      sentAt: now,
      receiveCount: 0,
      firstReceivedAt: 0,
      visibleAt: now,
      receiptHandle: null,
    });
    for (const wake of this.waiters) wake();
    return messageId;
  }

  /**
   * Receives up to `max` visible messages. A message already received `maxReceiveCount` times
   * moves to the dead-letter queue instead of being delivered again, as SQS does.
   */
  receive(max: number): ReceivedMessage[] {
    const now = Date.now();
    const out: ReceivedMessage[] = [];
    for (const message of this.messages.values()) {
      if (out.length >= max) break;
      if (message.visibleAt > now) continue;
      const deadLetter = this.options.deadLetter;
      if (deadLetter && message.receiveCount >= deadLetter.maxReceiveCount) {
        this.messages.delete(message.messageId);
        deadLetter.queue.send(message.body);
        continue;
      }
      message.receiveCount++;
      if (message.firstReceivedAt === 0) message.firstReceivedAt = now;
      message.visibleAt = now + this.options.visibilityTimeoutMs;
      message.receiptHandle = randomUUID();
      out.push({
        messageId: message.messageId,
        receiptHandle: message.receiptHandle,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: message.sentAt,
        firstReceivedAt: message.firstReceivedAt,
      });
    }
    return out;
  }

  /** Deletes a received message; a stale receipt handle (the message was received again) is ignored. */
  delete(receiptHandle: string): void {
    for (const message of this.messages.values()) {
      if (message.receiptHandle === receiptHandle) {
        this.messages.delete(message.messageId);
        return;
      }
    }
  }

  /** Makes a received message visible again now (a failed batch item, retried after a short wait locally). */
  release(receiptHandle: string, delayMs = 0): void {
    for (const message of this.messages.values()) {
      if (message.receiptHandle === receiptHandle) {
        message.visibleAt = Date.now() + delayMs;
        for (const wake of this.waiters) wake();
        return;
      }
    }
  }

  /** Moves every message to another queue (a redrive); returns how many moved. */
  moveAllTo(target: LocalQueue): number {
    let moved = 0;
    for (const message of [...this.messages.values()]) {
      this.messages.delete(message.messageId);
      target.send(message.body);
      moved++;
    }
    return moved;
  }

  /** Messages in the queue, visible or in flight. */
  get depth(): number {
    return this.messages.size;
  }

  /** Messages received and not yet deleted or visible again. */
  get inFlight(): number {
    const now = Date.now();
    let count = 0;
    for (const message of this.messages.values())
      if (message.receiveCount > 0 && message.visibleAt > now) count++;
    return count;
  }

  /** The bodies of every message (for inspection: the dead-letter queue's contents). */
  peek(): { messageId: string; body: string; receiveCount: number }[] {
    return [...this.messages.values()].map((m) => ({
      messageId: m.messageId,
      body: m.body,
      receiveCount: m.receiveCount,
    }));
  }

  /** Resolves when a message is sent or released, or after `ms`. */
  waitForMessages(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}
