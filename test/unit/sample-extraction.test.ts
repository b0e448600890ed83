/**
 * The whole extraction (PDF reading and parsing, in process, no servers) on every committed sample,
 * field by field against samples/expected.json: the same comparison test/integration/pipeline.test.ts
 * makes on the stored documents, here in a second.
 */
import { beforeAll, describe, it } from 'vitest';
import { extractDocument } from '../../lib/extract.js';
import {
  EXPECTED_SAMPLES,
  expectSampleField,
  fieldsOf,
  type SampleExtraction,
  sample,
  sampleExtraction,
} from '../support/samples.js';

describe.each(EXPECTED_SAMPLES)('$file', (expected) => {
  let extraction: SampleExtraction;

  beforeAll(async () => {
    extraction = sampleExtraction(await extractDocument(sample(expected.file)));
  });

  it.each(fieldsOf(expected))('extracts %s', (field) => {
    expectSampleField(extraction, expected, field);
  });
});
