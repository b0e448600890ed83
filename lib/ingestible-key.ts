/**
 * Which object keys the pipeline ingests: the one rule that `undocs upload` checks before it
 * uploads, and the bucket notifications (cdk/constructs/ingest-bucket.ts) route, hence also the
 * local runtime, which applies the synthesized template's notification filters.
 *
 * A key ends in `.pdf` in any case. The bucket notifies every spelling rather than the CLI refusing
 * some: files come from scanners and other systems as `x.Pdf` as often as `x.pdf`, and the CLI is
 * not the only uploader (the console, `aws s3 cp`, other tools write to the bucket too), so a
 * refusal in the CLI alone would still leave those uploads waiting forever, unseen.
 * S3 suffix filters are case-sensitive and hold one suffix each, so each spelling is a filter of
 * its own: 8 per event type, 16 for created and removed, well within S3's 100 notification
 * configurations per bucket. No spelling ends another, so S3 does not reject them as overlapping
 * (as it already accepted `.pdf` beside `.PDF`).
 */

/** Every case variant of `.pdf`: `.pdf`, `.pdF`, ..., `.PDF`. */
export const PDF_SUFFIXES: readonly string[] = ['p', 'P'].flatMap((p) =>
  ['d', 'D'].flatMap((d) => ['f', 'F'].map((f) => `.${p}${d}${f}`)),
);

/** Whether an object with this key (or a file with this name) is ingested: it ends in `.pdf`, in any case. */
export function isIngestibleKey(key: string): boolean {
  return PDF_SUFFIXES.some((suffix) => key.endsWith(suffix));
}
