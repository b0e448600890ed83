import { describe, expect, it } from 'vitest';
import {
  CONSOLE_SERVICE_NAME,
  DEFAULT_EXTRACTION_MEMORY_MB,
  DEFAULT_EXTRACTION_PAGE_MS,
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_PAGES,
  DEFAULT_OCR_MEMORY_MB,
  DEFAULT_OCR_PAGE_MS,
  loadIngestConfig,
  loadStage,
  SERVICE_NAME,
} from '../../lib/config.js';
import { serviceNameOf } from '../../lib/logger.js';

describe('loadIngestConfig', () => {
  it('uses the defaults when only the table and bus names are set', () => {
    // Arrange
    const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes' };

    // Act
    const config = loadIngestConfig(env);

    // Assert
    expect(config).toEqual({
      tableName: 'Documents',
      eventBusName: 'Changes',
      maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES,
      maxPages: DEFAULT_MAX_PAGES,
      extraction: {
        timeoutMs: DEFAULT_EXTRACTION_TIMEOUT_MS,
        pageMs: DEFAULT_EXTRACTION_PAGE_MS,
        memoryMb: DEFAULT_EXTRACTION_MEMORY_MB,
        ocrPageMs: DEFAULT_OCR_PAGE_MS,
        ocrMemoryMb: DEFAULT_OCR_MEMORY_MB,
      },
    });
  });

  it('reads every variable that is set', () => {
    // Arrange
    const env = {
      TABLE_NAME: 'Documents',
      EVENT_BUS_NAME: 'Changes',
      MAX_OBJECT_BYTES: '1048576',
      MAX_PAGES: '250',
      MAX_RECEIVE_COUNT: '5',
      EXTRACTION_TIMEOUT_MS: '5000',
      EXTRACTION_PAGE_MS: '20',
      EXTRACTION_MEMORY_MB: '256',
      OCR_PAGE_MS: '9000',
      OCR_MEMORY_MB: '512',
    };

    // Act
    const config = loadIngestConfig(env);

    // Assert
    expect(config).toEqual({
      tableName: 'Documents',
      eventBusName: 'Changes',
      maxObjectBytes: 1_048_576,
      maxPages: 250,
      maxReceiveCount: 5,
      extraction: { timeoutMs: 5000, pageMs: 20, memoryMb: 256, ocrPageMs: 9000, ocrMemoryMb: 512 },
    });
  });

  it.each([
    ['TABLE_NAME', 'unset', { EVENT_BUS_NAME: 'Changes' }],
    ['TABLE_NAME', 'empty', { TABLE_NAME: '', EVENT_BUS_NAME: 'Changes' }],
    ['TABLE_NAME', 'blank', { TABLE_NAME: '   ', EVENT_BUS_NAME: 'Changes' }],
    ['EVENT_BUS_NAME', 'unset', { TABLE_NAME: 'Documents' }],
    ['EVENT_BUS_NAME', 'empty', { TABLE_NAME: 'Documents', EVENT_BUS_NAME: '' }],
  ])('throws naming %s when it is %s', (name, _case, env) => {
    // Act
    const load = () => loadIngestConfig(env);

    // Assert
    expect(load).toThrow(`Missing required environment variable ${name}`);
  });

  it.each([['abc'], ['0'], ['-5'], ['1.5'], ['9007199254740993']])(
    'throws naming MAX_PAGES and showing %j',
    (value) => {
      // Arrange
      const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes', MAX_PAGES: value };

      // Act
      const load = () => loadIngestConfig(env);

      // Assert
      expect(load).toThrow(`Environment variable MAX_PAGES must be a positive integer, got "${value}"`);
    },
  );

  it.each([
    ['EXTRACTION_TIMEOUT_MS', '30s'],
    ['EXTRACTION_PAGE_MS', '0'],
    ['EXTRACTION_MEMORY_MB', '1.5GB'],
  ])('throws naming %s when it is %j', (name, value) => {
    // Arrange
    const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes', [name]: value };

    // Act
    const load = () => loadIngestConfig(env);

    // Assert
    expect(load).toThrow(`Environment variable ${name} must be a positive integer, got "${value}"`);
  });

  it('throws naming MAX_OBJECT_BYTES when it is not a number', () => {
    // Arrange
    const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes', MAX_OBJECT_BYTES: '100MB' };

    // Act
    const load = () => loadIngestConfig(env);

    // Assert
    expect(load).toThrow(/MAX_OBJECT_BYTES must be a positive integer, got "100MB"/);
  });

  it.each([[''], ['  ']])('falls back to the default MAX_PAGES when it is %j', (value) => {
    // Arrange
    const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes', MAX_PAGES: value };

    // Act
    const config = loadIngestConfig(env);

    // Assert
    expect(config.maxPages).toBe(DEFAULT_MAX_PAGES);
  });

  it('leaves maxReceiveCount unknown when MAX_RECEIVE_COUNT is unset, and refuses one that is not a count', () => {
    // Arrange
    const env = { TABLE_NAME: 'Documents', EVENT_BUS_NAME: 'Changes' };

    // Act
    const config = loadIngestConfig(env);
    const bad = () => loadIngestConfig({ ...env, MAX_RECEIVE_COUNT: 'five' });

    // Assert
    expect(config.maxReceiveCount).toBeUndefined();
    expect(bad).toThrow('Environment variable MAX_RECEIVE_COUNT must be a positive integer, got "five"');
  });
});

describe('loadStage', () => {
  it('reads the stage the metrics are published under', () => {
    expect(loadStage({ STAGE: 'prod' })).toBe('prod');
  });

  it('names the variable when it is missing', () => {
    expect(() => loadStage({})).toThrow(/STAGE/);
  });
});

describe('serviceNameOf (the service name on every log line)', () => {
  it.each([
    [{ POWERTOOLS_SERVICE_NAME: CONSOLE_SERVICE_NAME }, 'undocs-console'],
    [{ POWERTOOLS_SERVICE_NAME: SERVICE_NAME }, 'undocs-ingest'],
    [{ POWERTOOLS_SERVICE_NAME: '' }, 'undocs-ingest'],
    [{}, 'undocs-ingest'],
  ])('is the function’s own name from %j', (env, expected) => {
    expect(serviceNameOf(env)).toBe(expected);
  });
});
