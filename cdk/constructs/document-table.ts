import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  GLOBAL_SECONDARY_INDEXES,
  type KeyAttribute,
  PARTITION_KEY,
  SORT_KEY,
} from '../../lib/model/table.js';

/** Properties of {@link DocumentTable}. */
export interface DocumentTableProps {
  /**
   * What happens to the table when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const ATTRIBUTE_TYPES: Readonly<Record<KeyAttribute['type'], AttributeType>> = {
  S: AttributeType.STRING,
};

function toAttribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

/**
 * The document table, built from the one definition of its keys and indexes in `lib/model/table.ts`.
 *
 * No stream: nothing in undocs consumes one, and services that follow documents downstream
 * subscribe to the change events on the bus (`DocumentEvents`, docs/data-model.md), which say what
 * happened to a document once per commit. A stream of this table would carry every item write
 * (page texts, index entries, status steps) for 24 hours, to no reader. A service that needs one
 * can have it enabled later without replacing the table.
 */
export class DocumentTable extends Construct {
  /** The table. */
  public readonly table: ITable;

  constructor(scope: Construct, id: string, props: DocumentTableProps = {}) {
    super(scope, id);

    // `Table` (AWS::DynamoDB::Table), not `TableV2` (AWS::DynamoDB::GlobalTable): one region is
    // enough, and the local runtime creates its table from this resource's plain properties.
    const table = new Table(this, 'Table', {
      partitionKey: toAttribute(PARTITION_KEY),
      sortKey: toAttribute(SORT_KEY),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const index of GLOBAL_SECONDARY_INDEXES) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: toAttribute(index.partitionKey),
        sortKey: toAttribute(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    this.table = table;
  }
}
