/**
 * Greedy packing in order: the one way undocs splits a list into groups under a size limit
 * (footnote chunks under DynamoDB's item size, PutEvents batches under EventBridge's limits).
 */

/**
 * Splits `items`, keeping their order, into groups of at most `maxCount` items whose sizes add up
 * to at most `maxBytes`. An item larger than `maxBytes` alone gets a group of its own; callers that
 * cannot send such a group check sizes first.
 */
export function packBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  limits: { readonly maxBytes: number; readonly maxCount?: number },
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    const full = current.length === (limits.maxCount ?? Number.POSITIVE_INFINITY);
    if (current.length > 0 && (full || bytes + size > limits.maxBytes)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
