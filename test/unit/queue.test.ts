import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../../local/queue.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A queue whose messages stay hidden for an hour unless released, so tests never race the clock. */
function queues(maxReceiveCount = 3, visibilityTimeoutMs = 3_600_000) {
  const dlq = new LocalQueue({ name: 'dlq', visibilityTimeoutMs: 3_600_000 });
  const queue = new LocalQueue({
    name: 'main',
    visibilityTimeoutMs,
    deadLetter: { queue: dlq, maxReceiveCount },
  });
  return { queue, dlq };
}

describe('LocalQueue', () => {
  it('hides a received message until its visibility timeout passes', async () => {
    // Arrange
    const { queue } = queues(3, 20);
    queue.send('hello');
    const [first] = queue.receive(10);

    // Act
    const whileHidden = queue.receive(10);
    await sleep(40);
    const afterTimeout = queue.receive(10);

    // Assert
    expect(first).toMatchObject({ body: 'hello', receiveCount: 1 });
    expect(whileHidden).toEqual([]);
    expect(afterTimeout).toMatchObject([{ messageId: first?.messageId, body: 'hello', receiveCount: 2 }]);
    expect(afterTimeout[0]?.receiptHandle).not.toBe(first?.receiptHandle);
  });

  it('counts a hidden message as in flight but still in the queue', () => {
    // Arrange
    const { queue } = queues();
    queue.send('a');
    queue.send('b');

    // Act
    queue.receive(1);

    // Assert
    expect({ depth: queue.depth, inFlight: queue.inFlight }).toEqual({ depth: 2, inFlight: 1 });
  });

  it('receives at most the number of messages asked for, oldest first', () => {
    // Arrange
    const { queue } = queues();
    for (const body of ['1', '2', '3']) queue.send(body);

    // Act
    const batch = queue.receive(2);

    // Assert
    expect(batch.map((m) => m.body)).toEqual(['1', '2']);
  });

  it('removes a message deleted with its receipt handle', () => {
    // Arrange
    const { queue } = queues(3, 0);
    queue.send('done');
    const [message] = queue.receive(1);

    // Act
    queue.delete(message?.receiptHandle ?? '');

    // Assert
    expect(queue.depth).toBe(0);
    expect(queue.receive(10)).toEqual([]);
  });

  it('ignores a delete with a stale receipt handle', () => {
    // Arrange: a visibility timeout of 0 lets the message be received twice at once.
    const { queue } = queues(3, 0);
    queue.send('retried');
    const [stale] = queue.receive(1);
    queue.receive(1);

    // Act
    queue.delete(stale?.receiptHandle ?? '');

    // Assert
    expect(queue.depth).toBe(1);
  });

  it('makes a released message visible again at once', () => {
    // Arrange
    const { queue } = queues();
    queue.send('failed');
    const [message] = queue.receive(1);

    // Act
    queue.release(message?.receiptHandle ?? '');
    const again = queue.receive(1);

    // Assert
    expect(again).toMatchObject([{ messageId: message?.messageId, receiveCount: 2 }]);
  });

  it('keeps a message released with a delay hidden until the delay passes', async () => {
    // Arrange
    const { queue } = queues();
    queue.send('later');
    const [message] = queue.receive(1);

    // Act
    queue.release(message?.receiptHandle ?? '', 20);
    const early = queue.receive(1);
    await sleep(40);
    const late = queue.receive(1);

    // Assert
    expect(early).toEqual([]);
    expect(late.map((m) => m.body)).toEqual(['later']);
  });

  it('moves a message to the dead-letter queue on the receive after maxReceiveCount', () => {
    // Arrange
    const { queue, dlq } = queues(2);
    queue.send('poison');
    for (let i = 0; i < 2; i++) {
      const [message] = queue.receive(1);
      queue.release(message?.receiptHandle ?? '');
    }

    // Act
    const third = queue.receive(1);

    // Assert
    expect(third).toEqual([]);
    expect(queue.depth).toBe(0);
    expect(dlq.peek()).toMatchObject([{ body: 'poison', receiveCount: 0 }]);
  });

  it('delivers the other messages of a batch while dead-lettering one', () => {
    // Arrange
    const { queue, dlq } = queues(1);
    queue.send('poison');
    const [poison] = queue.receive(1);
    queue.release(poison?.receiptHandle ?? '');
    queue.send('healthy');

    // Act
    const batch = queue.receive(10);

    // Assert
    expect(batch.map((m) => m.body)).toEqual(['healthy']);
    expect(dlq.peek().map((m) => m.body)).toEqual(['poison']);
  });

  it('redrives every message to another queue with moveAllTo', () => {
    // Arrange
    const { queue, dlq } = queues();
    dlq.send('one');
    dlq.send('two');
    dlq.receive(1);

    // Act
    const moved = dlq.moveAllTo(queue);

    // Assert
    expect(moved).toBe(2);
    expect(dlq.depth).toBe(0);
    expect(queue.receive(10).map((m) => ({ body: m.body, receiveCount: m.receiveCount }))).toEqual([
      { body: 'one', receiveCount: 1 },
      { body: 'two', receiveCount: 1 },
    ]);
  });

  it('wakes a waiting consumer when a message is sent', async () => {
    // Arrange
    const { queue } = queues();
    const started = Date.now();
    const waiting = queue.waitForMessages(5_000);

    // Act
    queue.send('wake up');
    await waiting;

    // Assert
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
