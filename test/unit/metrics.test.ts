import type { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SERVICE_NAME } from '../../lib/config.js';
import type { IngestOutcome } from '../../lib/ingest.js';
import {
  createMetrics,
  METRICS_NAMESPACE,
  publishMetrics,
  recordOutcome,
  recordRetry,
} from '../../lib/metrics.js';

/** One EMF line as CloudWatch reads it. */
interface EmfLine {
  readonly _aws: {
    readonly CloudWatchMetrics: {
      readonly Namespace: string;
      readonly Dimensions: string[][];
      readonly Metrics: { Name: string; Unit: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

/** Metric name -> value(s), dimensions and namespace of each line, in the order written. */
function summarize(lines: EmfLine[]) {
  return lines.map((line) => {
    const [directive] = line._aws.CloudWatchMetrics;
    return {
      namespace: directive?.Namespace,
      dimensions: Object.fromEntries((directive?.Dimensions[0] ?? []).map((d) => [d, line[d]])),
      values: Object.fromEntries((directive?.Metrics ?? []).map((m) => [m.Name, [m.Unit, line[m.Name]]])),
    };
  });
}

const done = (pageCount: number): IngestOutcome => ({
  documentId: 'doc-1',
  status: 'DONE',
  pageCount,
  published: ['DocumentIngested'],
});

describe('the ingest metrics', () => {
  let lines: EmfLine[];
  let warnings: unknown[];
  let metrics: Metrics;

  beforeEach(() => {
    // POWERTOOLS_DEV makes Powertools write through the global console, where the test reads it;
    // the metrics stay enabled.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    lines = [];
    warnings = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(JSON.parse(line)));
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => warnings.push(args));
    metrics = createMetrics('test');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('counts stored documents, their pages and extraction times under namespace undocs, per service and stage', () => {
    // Arrange
    const dimensions = { service: SERVICE_NAME, stage: 'test' };

    // Act
    recordOutcome(metrics, done(12), 840.4);
    recordOutcome(metrics, { ...done(3), status: 'NEEDS_OCR' }, 95.6);
    publishMetrics(metrics);

    // Assert
    expect(summarize(lines)).toEqual([
      {
        namespace: METRICS_NAMESPACE,
        dimensions,
        values: {
          DocumentsIngested: ['Count', [1, 1]],
          DocumentsNeedingOcr: ['Count', 1],
          PagesExtracted: ['Count', [12, 3]],
          ExtractionTime: ['Milliseconds', [840, 96]],
        },
      },
    ]);
  });

  it('counts a failure in total and once more under its reason, on a line of its own', () => {
    // Arrange
    const failed: IngestOutcome = {
      documentId: 'doc-2',
      status: 'FAILED',
      failure: { code: 'ENCRYPTED', message: 'The PDF is encrypted.' },
      published: ['DocumentFailed'],
    };

    // Act
    recordOutcome(metrics, failed, 12);
    publishMetrics(metrics);

    // Assert
    expect(summarize(lines)).toEqual([
      {
        namespace: METRICS_NAMESPACE,
        dimensions: { service: SERVICE_NAME, stage: 'test', reason: 'ENCRYPTED' },
        values: { DocumentsFailed: ['Count', 1] },
      },
      {
        namespace: METRICS_NAMESPACE,
        dimensions: { service: SERVICE_NAME, stage: 'test' },
        values: { DocumentsFailed: ['Count', 1] },
      },
    ]);
  });

  it('counts messages handed back to the queue', () => {
    // Act
    recordRetry(metrics);
    publishMetrics(metrics);

    // Assert
    expect(summarize(lines).map((l) => l.values)).toEqual([{ MessagesRetried: ['Count', 1] }]);
  });

  it('writes nothing, and warns of nothing, for repeated deliveries and removals', () => {
    // Act
    recordOutcome(metrics, { ...done(4), skipped: 'duplicate-event' }, 3);
    recordOutcome(metrics, { documentId: 'doc-3', status: 'REMOVED', published: ['DocumentRemoved'] }, 3);
    publishMetrics(metrics);

    // Assert
    expect(lines).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('writes nothing when POWERTOOLS_METRICS_DISABLED is set, as the local stack does', () => {
    // Arrange
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    const disabled = createMetrics('test');

    // Act
    recordOutcome(disabled, done(2), 10);
    recordOutcome(
      disabled,
      { ...done(0), status: 'FAILED', failure: { code: 'NOT_A_PDF', message: 'x' } },
      1,
    );
    publishMetrics(disabled);

    // Assert
    expect(lines).toEqual([]);
  });
});
