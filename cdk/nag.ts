/**
 * cdk-nag (AwsSolutions pack) for the undocs app, and the one way constructs acknowledge a finding.
 *
 * cdk-nag 3 runs as a CDK policy-validation plugin: an unacknowledged finding fails `cdk synth`.
 * An acknowledgement sits next to the code that causes the finding and says why it is fine there.
 */
import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
// The pack's own rendering of a CloudFormation reference (`<LogicalId.Arn>/incoming/*`), so the
// acknowledged finding id is exactly the one it reports; cdk-nag is pinned, and the nag test fails
// if the rendering ever changes.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** Makes `app`'s synthesis run the AwsSolutions checks; a finding that is not acknowledged fails it. */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}

/**
 * Acknowledges AwsSolutions-IAM5 for one wildcard resource of a policy under `scope` (say
 * `arn:...:bucket/incoming/*`), and for nothing else: another wildcard still fails.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const finding = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${finding}]`, reason });
}
