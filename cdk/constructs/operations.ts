import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SERVICE_NAME } from '../../lib/config.js';
import { METRIC, METRICS_NAMESPACE } from '../../lib/metrics.js';

/** Properties of {@link Operations}. */
export interface OperationsProps {
  /** Deployment stage; alarm and dashboard names start with `undocs-<stage>`, and metrics are read for it. */
  readonly stage: string;
  /** Queue of S3 notifications the function consumes. */
  readonly queue: IQueue;
  /** Where messages that failed every retry wait. */
  readonly deadLetterQueue: IQueue;
  /** The ingest function. */
  readonly ingestFunction: IFunction;
  /**
   * The OCR function, its queue of page ranges and their dead-letter queue: alarmed and graphed
   * like the ingest path's.
   *
   * @default none
   */
  readonly ocr?: { readonly queue: IQueue; readonly deadLetterQueue: IQueue; readonly function: IFunction };
  /**
   * Age of the oldest message in the queue above which it alarms: the function is not keeping up,
   * or not consuming at all. A message whose processing failed comes back after the queue's
   * visibility timeout (about 30 minutes), so a lower threshold would alarm on every retry.
   *
   * @default Duration.hours(1)
   */
  readonly maxMessageAge?: Duration;
  /**
   * What happens to the key that encrypts the alarm topic when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Period of the alarms and the dashboard graphs. */
const PERIOD = Duration.minutes(5);

/**
 * What an operator watches: alarms on the dead-letter queue, the queue's oldest message and the
 * function's errors and throttles, all notifying one encrypted SNS topic; and one dashboard of the
 * pipeline (documents, failures by reason, pages, extraction time, queues, function).
 */
export class Operations extends Construct {
  /** Topic every alarm notifies (on alarm and back to OK); subscribe to it to be told. */
  public readonly alarmTopic: ITopic;
  /** Messages are waiting in the dead-letter queue. */
  public readonly deadLetterAlarm: Alarm;
  /** The oldest message of the queue is older than `maxMessageAge`. */
  public readonly oldestMessageAlarm: Alarm;
  /** Invocations of the function failed as a whole (crash, timeout, out of memory). */
  public readonly functionErrorsAlarm: Alarm;
  /** Invocations of the function were throttled. */
  public readonly functionThrottlesAlarm: Alarm;
  /** OCR ranges failed every retry and wait in the OCR dead-letter queue; only with `ocr`. */
  public readonly ocrDeadLetterAlarm?: Alarm;
  /** The oldest OCR range has waited longer than `maxMessageAge`; only with `ocr`. */
  public readonly ocrOldestMessageAlarm?: Alarm;
  /** OCR invocations failed as a whole (crash, timeout, out of memory); only with `ocr`. */
  public readonly ocrFunctionErrorsAlarm?: Alarm;
  /** The dashboard, named `undocs-<stage>`. */
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);

    if (!/^[A-Za-z0-9-]+$/.test(props.stage)) {
      throw new Error(`Operations stage must be letters, digits and dashes, got "${props.stage}"`);
    }
    const prefix = `undocs-${props.stage}`;
    const maxMessageAge = props.maxMessageAge ?? Duration.hours(1);

    this.alarmTopic = this.createAlarmTopic(prefix, props.removalPolicy ?? RemovalPolicy.RETAIN);
    const alarm = (alarmId: string, name: string, description: string, metric: IMetric, threshold = 0) => {
      const created = new Alarm(this, alarmId, {
        alarmName: `${prefix}-${name}`,
        alarmDescription: `${description} (undocs ${props.stage}; what to do: README, "Operations".)`,
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means nothing happened: an idle queue or function publishes no data points.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(this.alarmTopic));
      created.addOkAction(new SnsAction(this.alarmTopic));
      return created;
    };

    const deadLetters = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: PERIOD,
      statistic: Stats.MAXIMUM,
    });
    const oldestMessage = props.queue.metricApproximateAgeOfOldestMessage({
      period: PERIOD,
      statistic: Stats.MAXIMUM,
    });
    const errors = props.ingestFunction.metricErrors({ period: PERIOD, statistic: Stats.SUM });
    const throttles = props.ingestFunction.metricThrottles({ period: PERIOD, statistic: Stats.SUM });

    this.deadLetterAlarm = alarm(
      'DeadLetterAlarm',
      'dead-letters',
      'Ingest messages failed every retry and wait in the dead-letter queue.',
      deadLetters,
    );
    this.oldestMessageAlarm = alarm(
      'OldestMessageAlarm',
      'oldest-message-age',
      `A message has waited in the ingest queue for more than ${maxMessageAge.toHumanString()}.`,
      oldestMessage,
      maxMessageAge.toSeconds(),
    );
    this.functionErrorsAlarm = alarm(
      'FunctionErrorsAlarm',
      'function-errors',
      'Ingest function invocations failed as a whole (crash, timeout or out of memory).',
      errors,
    );
    this.functionThrottlesAlarm = alarm(
      'FunctionThrottlesAlarm',
      'function-throttles',
      'Ingest function invocations were throttled (account or reserved concurrency reached).',
      throttles,
    );

    if (props.ocr) {
      const ocr = props.ocr;
      this.ocrDeadLetterAlarm = alarm(
        'OcrDeadLetterAlarm',
        'ocr-dead-letters',
        'OCR page ranges failed every retry and wait in the OCR dead-letter queue; their documents are DEAD_LETTER.',
        ocr.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: PERIOD,
          statistic: Stats.MAXIMUM,
        }),
      );
      this.ocrOldestMessageAlarm = alarm(
        'OcrOldestMessageAlarm',
        'ocr-oldest-message-age',
        `An OCR page range has waited in the OCR queue for more than ${maxMessageAge.toHumanString()}.`,
        ocr.queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: Stats.MAXIMUM }),
        maxMessageAge.toSeconds(),
      );
      this.ocrFunctionErrorsAlarm = alarm(
        'OcrFunctionErrorsAlarm',
        'ocr-function-errors',
        'OCR function invocations failed as a whole (crash, timeout or out of memory).',
        ocr.function.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
      );
    }

    this.dashboard = this.createDashboard(prefix, props, { deadLetters, oldestMessage, errors, throttles });
  }

  /**
   * The alarm topic, encrypted with a key of its own: CloudWatch cannot publish to a topic encrypted
   * with the AWS-managed SNS key. CloudWatch may publish, and use the key, only for this stage's alarms.
   */
  private createAlarmTopic(prefix: string, removalPolicy: RemovalPolicy): ITopic {
    const stack = Stack.of(this);
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the ${prefix} alarm notifications`,
      enableKeyRotation: true,
      removalPolicy,
    });
    const topic = new Topic(this, 'AlarmTopic', {
      displayName: `${prefix} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: `${prefix}-*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    });
    topic.grantPublish(cloudWatch);
    key.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');
    return topic;
  }

  private createDashboard(
    prefix: string,
    props: OperationsProps,
    shared: { deadLetters: Metric; oldestMessage: Metric; errors: Metric; throttles: Metric },
  ): Dashboard {
    const dimensions = { service: SERVICE_NAME, stage: props.stage };
    const custom = (metricName: string, statistic: string, label: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: dimensions,
        statistic,
        period: PERIOD,
        label,
      });
    // One line per failure reason, whatever reasons occur: the reason is a dimension of its own.
    const failuresByReason = new MathExpression({
      expression: `SEARCH('{${METRICS_NAMESPACE},reason,service,stage} MetricName="${METRIC.documentsFailed}" service="${SERVICE_NAME}" stage="${props.stage}"', 'Sum', ${PERIOD.toSeconds()})`,
      usingMetrics: {},
      label: '',
      period: PERIOD,
    });
    const fn = props.ingestFunction;
    const width = 8;
    const height = 6;
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width, height });

    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: prefix,
      defaultInterval: Duration.days(1),
    });
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# undocs (${props.stage})\nWhat each alarm means and what to do: README, "Operations".`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: [
          this.deadLetterAlarm,
          this.oldestMessageAlarm,
          this.functionErrorsAlarm,
          this.functionThrottlesAlarm,
          ...[this.ocrDeadLetterAlarm, this.ocrOldestMessageAlarm, this.ocrFunctionErrorsAlarm].filter(
            (a): a is Alarm => a !== undefined,
          ),
        ],
        width: 24,
        height: 3,
      }),
    );
    dashboard.addWidgets(
      graph('Documents', [
        custom(METRIC.documentsIngested, Stats.SUM, 'Ingested'),
        custom(METRIC.documentsNeedingOcr, Stats.SUM, 'Needing OCR'),
        custom(METRIC.documentsFailed, Stats.SUM, 'Failed'),
        custom(METRIC.messagesRetried, Stats.SUM, 'Messages retried'),
      ]),
      graph('Failed documents by reason', [failuresByReason]),
      graph('Pages extracted', [custom(METRIC.pagesExtracted, Stats.SUM, 'Pages')]),
    );
    dashboard.addWidgets(
      graph('Extraction time per document (ms)', [
        custom(METRIC.extractionTime, Stats.p(50), 'p50'),
        custom(METRIC.extractionTime, Stats.p(95), 'p95'),
        custom(METRIC.extractionTime, Stats.MAXIMUM, 'max'),
      ]),
      graph(
        'Ingest queue',
        [
          props.queue.metricApproximateNumberOfMessagesVisible({
            period: PERIOD,
            statistic: Stats.MAXIMUM,
            label: 'Waiting',
          }),
          props.queue.metricApproximateNumberOfMessagesNotVisible({
            period: PERIOD,
            statistic: Stats.MAXIMUM,
            label: 'In flight',
          }),
        ],
        [shared.oldestMessage.with({ label: 'Oldest message (s)' })],
      ),
      graph('Dead-letter queue', [shared.deadLetters.with({ label: 'Dead letters' })]),
    );
    dashboard.addWidgets(
      graph('Function errors and throttles', [
        shared.errors,
        shared.throttles,
        fn.metricInvocations({ period: PERIOD, statistic: Stats.SUM }),
      ]),
      graph('Function duration (ms)', [
        fn.metricDuration({ period: PERIOD, statistic: Stats.p(50), label: 'p50' }),
        fn.metricDuration({ period: PERIOD, statistic: Stats.p(95), label: 'p95' }),
        fn.metricDuration({ period: PERIOD, statistic: Stats.MAXIMUM, label: 'max' }),
      ]),
      graph('Function concurrency', [
        fn.metric('ConcurrentExecutions', { period: PERIOD, statistic: Stats.MAXIMUM, label: 'Concurrent' }),
      ]),
    );
    if (props.ocr) {
      const ocr = props.ocr;
      dashboard.addWidgets(
        graph('OCR', [
          custom(METRIC.documentsQueuedForOcr, Stats.SUM, 'Documents queued for OCR'),
          custom(METRIC.pagesOcrd, Stats.SUM, 'Pages read by OCR'),
        ]),
        graph('OCR time per range (ms)', [
          custom(METRIC.ocrRangeTime, Stats.p(50), 'p50'),
          custom(METRIC.ocrRangeTime, Stats.p(95), 'p95'),
          custom(METRIC.ocrRangeTime, Stats.MAXIMUM, 'max'),
        ]),
        graph(
          'OCR queue',
          [
            ocr.queue.metricApproximateNumberOfMessagesVisible({
              period: PERIOD,
              statistic: Stats.MAXIMUM,
              label: 'Waiting',
            }),
            ocr.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
              period: PERIOD,
              statistic: Stats.MAXIMUM,
              label: 'Dead letters',
            }),
          ],
          [
            ocr.queue.metricApproximateAgeOfOldestMessage({
              period: PERIOD,
              statistic: Stats.MAXIMUM,
              label: 'Oldest range (s)',
            }),
          ],
        ),
      );
      dashboard.addWidgets(
        graph('OCR function', [
          ocr.function.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
          ocr.function.metricThrottles({ period: PERIOD, statistic: Stats.SUM }),
          ocr.function.metricInvocations({ period: PERIOD, statistic: Stats.SUM }),
        ]),
        graph('OCR function duration (ms)', [
          ocr.function.metricDuration({ period: PERIOD, statistic: Stats.p(50), label: 'p50' }),
          ocr.function.metricDuration({ period: PERIOD, statistic: Stats.MAXIMUM, label: 'max' }),
        ]),
      );
    }
    return dashboard;
  }
}
