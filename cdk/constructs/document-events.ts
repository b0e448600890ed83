import { Duration } from 'aws-cdk-lib';
import { type Archive, type CfnArchive, EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../lib/events.js';

/** Properties of {@link DocumentEvents}. */
export interface DocumentEventsProps {
  /**
   * How long the archive keeps every undocs event, so a consumer that was down or mis-deployed can
   * replay what it missed (EventBridge replay). `Duration.days(0)` keeps them indefinitely.
   *
   * @default Duration.days(30)
   */
  readonly archiveRetention?: Duration;
}

/**
 * The bus the ingest publishes its change events on (`DocumentIngested`, `DocumentFailed`,
 * `DocumentRemoved`, `DocumentConflict`; docs/data-model.md), with an archive of them.
 * A bus of its own, not the account's default bus, so rules and permissions stay with this stack.
 */
export class DocumentEvents extends Construct {
  /** The bus. */
  public readonly bus: IEventBus;
  /** The archive of every event with source `undocs.ingest`. */
  public readonly archive: Archive;

  constructor(scope: Construct, id: string, props: DocumentEventsProps = {}) {
    super(scope, id);

    const retention = props.archiveRetention ?? Duration.days(30);
    if (!Number.isInteger(retention.toDays({ integral: false })) || retention.toDays() < 0) {
      throw new Error(
        `DocumentEvents archiveRetention must be a whole number of days, got ${retention.toHumanString()}`,
      );
    }
    const bus = new EventBus(this, 'Bus', {
      description: 'undocs change events: a document ingested, failed, removed, or in conflict',
    });
    this.archive = bus.archive('Archive', {
      description: 'Every undocs change event, for replay',
      eventPattern: { source: [EVENT_SOURCE] },
      retention,
    });
    // EventBridge encrypts the archive with its own key unless a key is named. CDK's Archive writes
    // `KmsKeyIdentifier: ""` when given none (aws/aws-cdk#37847), a key of no name that some regions
    // reject; the property goes, so the template says what is meant.
    (this.archive.node.defaultChild as CfnArchive).kmsKeyIdentifier = undefined;
    this.bus = bus;
  }
}
