/**
 * The document table's physical shape: key schema and indexes.
 *
 * This is the one definition of the table. The CDK construct builds the table from it and the
 * local runtime creates its table from the synthesized template, so names, keys and indexes
 * cannot drift between AWS and one machine.
 */

/** A DynamoDB key attribute: every key attribute in this table is a string. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S';
}

/** A global secondary index, projected ALL. */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

/** Partition key of every item. */
export const PARTITION_KEY: KeyAttribute = { name: 'pk', type: 'S' };
/** Sort key of every item. */
export const SORT_KEY: KeyAttribute = { name: 'sk', type: 'S' };

/** Documents by processing status, most recently updated last: `gsi1pk = STATUS#<status>`, `gsi1sk = <updatedAt>#<documentId>`. */
export const STATUS_INDEX: IndexDefinition = {
  indexName: 'byStatus',
  partitionKey: { name: 'gsi1pk', type: 'S' },
  sortKey: { name: 'gsi1sk', type: 'S' },
};

/** Every global secondary index of the table. */
export const GLOBAL_SECONDARY_INDEXES: readonly IndexDefinition[] = [STATUS_INDEX];

/** Version of the item layout written by this code; every item carries it. */
export const SCHEMA_VERSION = 1;
