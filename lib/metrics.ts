import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { SERVICE_NAME } from './config.js';
import type { IngestOutcome } from './ingest.js';
import type { OcrRangeOutcome } from './ocr-ranges.js';

/**
 * The ingest's CloudWatch metrics, written as Embedded Metric Format log lines (Powertools Metrics):
 * namespace `undocs`, dimensions `service` and `stage`. The dashboard (cdk/constructs/operations.ts)
 * reads the same names from here.
 */

/** CloudWatch namespace of the undocs metrics. */
export const METRICS_NAMESPACE = 'undocs';

/** Names of the metrics. */
export const METRIC = {
  /** Uploads whose extraction was stored (DONE or NEEDS_OCR). */
  documentsIngested: 'DocumentsIngested',
  /** Of those, the ones without a text layer (NEEDS_OCR). */
  documentsNeedingOcr: 'DocumentsNeedingOcr',
  /** Uploads recorded as FAILED; once in total, and once with a `reason` dimension (the failure code). */
  documentsFailed: 'DocumentsFailed',
  /** Pages extracted from the stored uploads. */
  pagesExtracted: 'PagesExtracted',
  /** Milliseconds to process one stored upload: download, extraction, writes, change events. */
  extractionTime: 'ExtractionTime',
  /** Messages handed back to the queue after a transient error (they are retried, then dead-lettered). */
  messagesRetried: 'MessagesRetried',
  /** Uploads whose pages without a text layer were queued for OCR (OCR_PENDING). */
  documentsQueuedForOcr: 'DocumentsQueuedForOcr',
  /** Pages read by OCR (the OCR function). */
  pagesOcrd: 'PagesOcrd',
  /** Milliseconds the OCR function took for one range message, OCR and staging (and the commit, for the last). */
  ocrRangeTime: 'OcrRangeTime',
} as const;

/** The dimension that tells failures apart. */
export const REASON_DIMENSION = 'reason';

/** The metrics of one stage; flush them with `publishStoredMetrics()` at the end of each invocation. */
export function createMetrics(stage: string): Metrics {
  return new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    defaultDimensions: { stage },
  });
}

/**
 * Records what one object event did. An event that changed nothing (an older or repeated delivery)
 * and a removal count nothing; `elapsedMs` is the time the event took.
 */
export function recordOutcome(metrics: Metrics, outcome: IngestOutcome, elapsedMs: number): void {
  if (outcome.skipped) return;
  switch (outcome.status) {
    case 'DONE':
    case 'NEEDS_OCR':
      metrics.addMetric(METRIC.documentsIngested, MetricUnit.Count, 1);
      if (outcome.status === 'NEEDS_OCR') metrics.addMetric(METRIC.documentsNeedingOcr, MetricUnit.Count, 1);
      metrics.addMetric(METRIC.pagesExtracted, MetricUnit.Count, outcome.pageCount ?? 0);
      metrics.addMetric(METRIC.extractionTime, MetricUnit.Milliseconds, Math.round(elapsedMs));
      return;
    case 'FAILED': {
      metrics.addMetric(METRIC.documentsFailed, MetricUnit.Count, 1);
      // A dimension applies to every metric of an EMF line, so the per-reason count is a line of its own.
      const byReason = metrics.singleMetric();
      byReason.addDimension(REASON_DIMENSION, outcome.failure?.code ?? 'UNKNOWN');
      byReason.addMetric(METRIC.documentsFailed, MetricUnit.Count, 1);
      return;
    }
    case 'OCR_PENDING':
      metrics.addMetric(METRIC.documentsQueuedForOcr, MetricUnit.Count, 1);
      metrics.addMetric(METRIC.pagesExtracted, MetricUnit.Count, outcome.pageCount ?? 0);
      metrics.addMetric(METRIC.extractionTime, MetricUnit.Milliseconds, Math.round(elapsedMs));
      return;
    default:
      return;
  }
}

/**
 * Records what one OCR range message did: its pages, its time and, when it committed the document,
 * the commit counted as ingest counts it (DocumentsIngested, DocumentsNeedingOcr).
 */
export function recordOcrRange(metrics: Metrics, outcome: OcrRangeOutcome, elapsedMs: number): void {
  if (outcome.skipped) return;
  metrics.addMetric(METRIC.pagesOcrd, MetricUnit.Count, outcome.pagesRead);
  metrics.addMetric(METRIC.ocrRangeTime, MetricUnit.Milliseconds, Math.round(elapsedMs));
  if (!outcome.committed) return;
  metrics.addMetric(METRIC.documentsIngested, MetricUnit.Count, 1);
  if (outcome.status === 'NEEDS_OCR') metrics.addMetric(METRIC.documentsNeedingOcr, MetricUnit.Count, 1);
}

/** Records a message handed back to the queue. */
export function recordRetry(metrics: Metrics): void {
  metrics.addMetric(METRIC.messagesRetried, MetricUnit.Count, 1);
}

/** Writes the stored metrics, if any (an invocation of only skipped events has none). */
export function publishMetrics(metrics: Metrics): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
