/**
 * `undocs export` as a library (issue 14): documents, as the table holds them, written to a stream
 * as JSON Lines, CSV or MARCXML. The caller reads the table (an AsyncIterable of document
 * records, page by page) and owns the stream; this module writes one document at a time and waits
 * whenever the stream asks it to (backpressure), so an export of any size runs in little memory.
 * docs/exports.md describes each format, field by field.
 */
import type { DocumentRecord } from '../model/items.js';
import { BOM, CSV_HEADER, csvLine, toCsvRow } from './csv.js';
import { toJsonLine } from './jsonl.js';
import { toMarcRecord } from './marc.js';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from './marcxml.js';

export {
  CSV_HEADER,
  guardFormula,
  MULTI_VALUE_SEPARATOR,
  splitMultiValue,
  toCsvRow,
  unguardFormula,
} from './csv.js';
export { JSONL_FIELDS, toJsonLine } from './jsonl.js';
export type { MarcControlField, MarcDataField, MarcRecord, MarcSubfield } from './marc.js';
export { toMarcRecord } from './marc.js';
export { MARCXML_NAMESPACE, marcXmlRecord } from './marcxml.js';

/** The export formats. */
export type ExportFormat = 'jsonl' | 'csv' | 'marcxml';

/** Every export format, for a command line's help and checks. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'marcxml'];

/** Whether `value` names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportOptions {
  /** Called after each document is written, with how many have been written so far (for a progress bar). */
  readonly onProgress?: (count: number) => void;
  /**
   * CSV only: start the file with a UTF-8 byte order mark, so that Excel reads it as UTF-8.
   * @default true
   */
  readonly bom?: boolean;
}

/** What an export wrote. */
export interface ExportResult {
  /** Documents written. */
  readonly count: number;
}

/** How a format starts, writes one document, and ends. */
interface Formatter {
  readonly start: string;
  readonly document: (record: DocumentRecord) => string;
  readonly end: string;
}

function formatterFor(format: ExportFormat, options: ExportOptions): Formatter {
  switch (format) {
    case 'jsonl':
      return { start: '', document: toJsonLine, end: '' };
    case 'csv':
      return {
        start: `${options.bom === false ? '' : BOM}${csvLine(CSV_HEADER)}`,
        document: (record) => csvLine(toCsvRow(record)),
        end: '',
      };
    case 'marcxml':
      return {
        start: MARCXML_HEADER,
        document: (record) => marcXmlRecord(toMarcRecord(record)),
        end: MARCXML_FOOTER,
      };
    default:
      throw new Error(`Unknown export format "${String(format)}": use one of ${EXPORT_FORMATS.join(', ')}.`);
  }
}

/**
 * Writes to a stream, waiting for `drain` when it is full, and failing as soon as the stream
 * fails or closes: an `error` the stream emits between two writes is kept and thrown by the next
 * write, rather than crashing the process for want of a listener.
 */
class Sink {
  private failure: Error | null = null;
  private readonly onError = (error: Error) => {
    this.failure ??= error;
  };
  private readonly onClose = () => {
    this.failure ??= new Error('The output was closed before the export was written.');
  };

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', this.onError);
    out.on('close', this.onClose);
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (chunk === '') return;
    if (this.out.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        this.out.off('drain', onDrain);
        this.out.off('error', onFailure);
        this.out.off('close', onFailure);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onFailure = () => settle(this.failure ?? new Error('The output failed.'));
      this.out.on('drain', onDrain);
      this.out.on('error', onFailure);
      this.out.on('close', onFailure);
    });
    if (this.failure) throw this.failure;
  }

  release(): void {
    this.out.off('error', this.onError);
    this.out.off('close', this.onClose);
  }
}

/**
 * Writes `records` to `out` in `format`, one document at a time, waiting whenever `out` is full:
 * JSON Lines (one document item a line), CSV (a header and one row a document) or MARCXML (a
 * collection of MARC 21 bibliographic records). Resolves with the count once the last byte is
 * handed to `out`; rejects, having written no end, if reading `records` fails or `out` fails or
 * closes. `out` is left open: the caller ends it (process.stdout is never ended).
 */
export async function writeExport(
  records: AsyncIterable<DocumentRecord> | Iterable<DocumentRecord>,
  format: ExportFormat,
  out: NodeJS.WritableStream,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const formatter = formatterFor(format, options);
  const sink = new Sink(out);
  try {
    await sink.write(formatter.start);
    let count = 0;
    for await (const record of records) {
      await sink.write(formatter.document(record));
      count++;
      options.onProgress?.(count);
    }
    await sink.write(formatter.end);
    return { count };
  } finally {
    sink.release();
  }
}
