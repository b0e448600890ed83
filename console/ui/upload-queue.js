// The uploads of a session: each file is presigned just before it is sent, at most `concurrency`
// files are on their way to S3 at once (a drop of 500 files does not open 500 connections), and
// once sent each is followed by polling the table until its upload settles. No DOM here: the page
// renders what `onChange` reports, and the unit test drives it with ports of its own.

/** Statuses after which an upload stays as it is. */
const SETTLED = new Set(['DONE', 'NEEDS_OCR', 'FAILED', 'DEAD_LETTER', 'REMOVED']);

/** Most ids in one status poll (the API's limit). */
const POLL_BATCH = 100;

/**
 * @typedef {object} UploadItem
 * @property {number} id
 * @property {string} path      the file's path as dropped (folders kept)
 * @property {number} size
 * @property {'waiting' | 'signing' | 'uploading' | 'processing' | 'settled' | 'refused' | 'failed'} phase
 * @property {number} progress  0..1 while uploading
 * @property {string | null} status   the table's status once it has one
 * @property {string | null} message  why it was refused or failed, as a sentence
 * @property {string | null} key
 * @property {string | null} documentId
 * @property {string | null} eTag     S3's ETag of this upload: the table's status counts once it is for this ETag
 */

/**
 * @typedef {object} UploadPorts
 * @property {(path: string, size: number) => Promise<{ key: string, documentId: string, upload: { url: string, headers: Record<string, string> } }>} presign
 * @property {(upload: { url: string, headers: Record<string, string> }, file: unknown, onProgress: (fraction: number) => void) => Promise<{ status: number, eTag: string | null, code: string | null }>} put
 * @property {(ids: string[]) => Promise<Array<{ documentId: string, status: string, eTag: string | null, failure: { message: string } | null }>>} poll
 */

export class UploadQueue {
  /**
   * @param {UploadPorts} ports
   * @param {{ concurrency?: number, pollMs?: number }} [options]
   */
  constructor(ports, options = {}) {
    this.ports = ports;
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1500;
    /** @type {UploadItem[]} */
    this.items = [];
    /** @type {Map<number, unknown>} */
    this.files = new Map();
    this.active = 0;
    /** Most uploads that were on their way at once (what the tests check). */
    this.peakActive = 0;
    /** @type {Set<(item: UploadItem | null) => void>} */
    this.listeners = new Set();
    this.polling = false;
    this.nextId = 1;
  }

  /**
   * Queues files; returns their items.
   * @param {Array<{ file: unknown, path: string, size: number }>} entries
   */
  add(entries) {
    const added = entries.map((entry) => {
      /** @type {UploadItem} */
      const item = {
        id: this.nextId++,
        path: entry.path,
        size: entry.size,
        phase: 'waiting',
        progress: 0,
        status: null,
        message: null,
        key: null,
        documentId: null,
        eTag: null,
      };
      this.files.set(item.id, entry.file);
      this.items.push(item);
      return item;
    });
    this.emit(null);
    this.pump();
    return added;
  }

  /**
   * Calls `listener` with each item that changed (null: items were added).
   * @param {(item: UploadItem | null) => void} listener
   */
  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts by phase and by final status, for the summary line. */
  counts() {
    const counts = {
      total: this.items.length,
      waiting: 0,
      sending: 0,
      processing: 0,
      settled: 0,
      refused: 0,
    };
    /** @type {Record<string, number>} */
    const statuses = {};
    for (const item of this.items) {
      if (item.phase === 'waiting') counts.waiting++;
      else if (item.phase === 'signing' || item.phase === 'uploading') counts.sending++;
      else if (item.phase === 'processing') counts.processing++;
      else if (item.phase === 'settled') {
        counts.settled++;
        statuses[item.status ?? ''] = (statuses[item.status ?? ''] ?? 0) + 1;
      } else counts.refused++;
    }
    return { ...counts, statuses };
  }

  /** Whether every item has reached a state it will stay in. */
  get finished() {
    return this.items.every(
      (item) => item.phase === 'settled' || item.phase === 'refused' || item.phase === 'failed',
    );
  }

  emit(item) {
    for (const listener of this.listeners) listener(item);
  }

  update(item, changes) {
    Object.assign(item, changes);
    this.emit(item);
  }

  pump() {
    while (this.active < this.concurrency) {
      const next = this.items.find((item) => item.phase === 'waiting');
      if (!next) return;
      this.active++;
      this.peakActive = Math.max(this.peakActive, this.active);
      this.update(next, { phase: 'signing' });
      this.send(next).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  /** @param {UploadItem} item */
  async send(item) {
    let presigned;
    try {
      presigned = await this.ports.presign(item.path, item.size);
    } catch (error) {
      this.update(item, { phase: 'refused', message: messageOf(error) });
      this.files.delete(item.id);
      return;
    }
    this.update(item, { phase: 'uploading', key: presigned.key, documentId: presigned.documentId });
    try {
      const answer = await this.ports.put(presigned.upload, this.files.get(item.id), (fraction) =>
        this.update(item, { progress: fraction }),
      );
      if (answer.status < 200 || answer.status >= 300) {
        this.update(item, {
          phase: 'failed',
          message: `Storage refused the upload (${answer.code ?? `HTTP ${answer.status}`}); add the file again.`,
        });
        return;
      }
      this.update(item, { phase: 'processing', progress: 1, eTag: unquote(answer.eTag) });
      this.startPolling();
    } catch (error) {
      this.update(item, {
        phase: 'failed',
        message: `The upload did not reach storage: ${messageOf(error)}`,
      });
    } finally {
      this.files.delete(item.id);
    }
  }

  startPolling() {
    if (this.polling) return;
    this.polling = true;
    const tick = async () => {
      try {
        await this.pollOnce();
      } catch {
        // A failed poll is tried again on the next tick; the rows keep their last status.
      }
      if (this.items.some((item) => item.phase === 'processing')) setTimeout(tick, this.pollMs);
      else this.polling = false;
    };
    setTimeout(tick, this.pollMs);
  }

  async pollOnce() {
    const waiting = this.items.filter((item) => item.phase === 'processing' && item.documentId);
    for (let start = 0; start < waiting.length; start += POLL_BATCH) {
      const batch = waiting.slice(start, start + POLL_BATCH);
      const documents = await this.ports.poll(batch.map((item) => /** @type {string} */ (item.documentId)));
      const byId = new Map(documents.map((doc) => [doc.documentId, doc]));
      for (const item of batch) {
        const doc = byId.get(/** @type {string} */ (item.documentId));
        // The table may still hold an earlier upload of the same key: only this upload's state counts.
        if (!doc || (item.eTag !== null && unquote(doc.eTag) !== item.eTag)) continue;
        if (SETTLED.has(doc.status))
          this.update(item, { phase: 'settled', status: doc.status, message: doc.failure?.message ?? null });
        else if (doc.status !== item.status) this.update(item, { status: doc.status });
      }
    }
  }
}

/** An ETag without its quotes. */
function unquote(eTag) {
  return typeof eTag === 'string' ? eTag.replace(/"/g, '') : null;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
