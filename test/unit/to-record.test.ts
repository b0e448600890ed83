import { describe, expect, it } from 'vitest';
import { toRecord } from '../../lib/repository.js';

describe('toRecord', () => {
  it('reads a document item written before issue 10 with the new fields empty and its sessions numbered', () => {
    // Arrange: what extractor 0.3.0 wrote (no relations, sponsors, resolutionNumber, session numbers).
    const item = {
      pk: 'DOC#1fc1df96f7f106680b3d2ea5',
      sk: 'META',
      entity: 'Document',
      documentId: '1fc1df96f7f106680b3d2ea5',
      status: 'DONE',
      symbols: ['A/ES-10/L.30'],
      sessions: [{ organ: 'General Assembly', session: 'Tenth emergency special session' }],
      extractorVersion: '0.3.0',
    };

    // Act
    const record = toRecord(item);

    // Assert
    expect(record.relations).toEqual([]);
    expect(record.sponsors).toEqual([]);
    expect(record.resolutionNumber).toBeNull();
    expect(record.sessions).toEqual([
      { organ: 'General Assembly', session: 'Tenth emergency special session', number: 'ES-10' },
    ]);
    expect('pk' in record).toBe(false);
  });

  it('keeps the fields a newer item has', () => {
    const record = toRecord({
      documentId: 'x',
      relations: [{ type: 'corrigendum', of: 'A/79/123' }],
      sessions: [{ organ: null, session: 'Organizational session', number: null }],
      resolutionNumber: null,
    });

    expect(record.relations).toEqual([{ type: 'corrigendum', of: 'A/79/123' }]);
    expect(record.sessions[0]?.number).toBeNull();
  });
});
