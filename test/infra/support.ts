/**
 * What the infra tests share: reading statements, references and acknowledgements out of a
 * synthesized stack, and the AWS SDK commands each Lambda function's code can send.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Stack, Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { expect } from 'vitest';

/** CloudFormation JSON as `Template` returns it: untyped; the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static type; each test asserts the parts it reads.
export type Json = any;

/** An IAM policy statement as the template writes it. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The context `cdk synth` passes from cdk.json, so the tests see the template that ships. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'),
).context;

/** Skips esbuild and asset bundling for stacks whose code is not under test. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

export function sortByJson<T>(values: T[]): T[] {
  return [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Properties of the one resource of `type`; fails if there is not exactly one. */
export function onlyResource(
  template: Template,
  type: string,
): { id: string; resource: Record<string, Json> } {
  const found = Object.entries(template.findResources(type));
  expect(found.map(([id]) => id)).toHaveLength(1);
  const [id, resource] = found[0] as [string, Record<string, Json>];
  return { id, resource };
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` token of `stack` points at. */
export function logicalIdOf(stack: Stack, token: string): string {
  const resolved = stack.resolve(token) as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = resolved.Ref ?? resolved['Fn::GetAtt']?.[0];
  if (id === undefined) throw new Error(`no resource behind ${JSON.stringify(resolved)}`);
  return id;
}

/** The resource a `{ Ref }` or `{ Fn::GetAtt }` token of `stack` points at. */
export function resourceOf(template: Template, stack: Stack, token: string): Record<string, Json> {
  const id = logicalIdOf(stack, token);
  const resource = template.toJSON().Resources[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return resource;
}

/** Every statement of every IAM policy attached to `roleRef`. */
export function roleStatements(template: Template, roleRef: unknown): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(roleRef)),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** One acknowledged cdk-nag finding: where (below the stack), which, and why. */
export interface AcknowledgementEntry {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every rule acknowledged anywhere in `stack` (Validations.acknowledge), where, and why. */
export function acknowledgements(stack: Stack): AcknowledgementEntry[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
            path: c.node.path.slice(stack.node.path.length + 1),
            id: id.replace(/^annotation::/i, ''),
            reason,
          })),
        ),
    )
    .sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path));
}

/**
 * The acknowledgements a nag run of `scope` actually relied on: `path` of the acknowledging
 * construct and the finding's id, for each acknowledged finding of a resource below it.
 */
export function acknowledgementsRelied(scope: IConstruct): { path: string; id: string }[] {
  const stackPath = scope.node.path;
  const relied = new Map<string, { path: string; id: string }>();
  const acknowledged = new Map(
    scope.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) =>
            Object.keys(m.data as Record<string, string>).map(
              (id) => [`${c.node.path}|${id.replace(/^annotation::/i, '')}`, c] as const,
            ),
          ),
      ),
  );
  // cdk-nag asks isAcknowledged (private) about each finding before it counts it as a violation.
  const checks = new AwsSolutionsChecks();
  const hook = checks as unknown as { isAcknowledged: (resource: IConstruct, ruleId: string) => boolean };
  const isAcknowledged = hook.isAcknowledged.bind(checks);
  hook.isAcknowledged = (resource, ruleId) => {
    const result = isAcknowledged(resource, ruleId);
    if (!result) return result;
    const id = ruleId.replace(/^AwsSolutions::/, '');
    for (let c: IConstruct | undefined = resource; c; c = c.node.scope) {
      if (acknowledged.has(`${c.node.path}|${id}`)) {
        const path = c.node.path.slice(stackPath.length + 1);
        relied.set(`${path}|${id}`, { path, id });
        break;
      }
    }
    return result;
  };
  checks.validateScope(scope);
  return [...relied.values()].sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path));
}

// -------------------------------------------------------------------------------------------------
// The AWS calls a function's code can make.

/** The IAM service prefix of each AWS SDK client whose commands undocs' code may import. */
const IAM_PREFIX: Readonly<Record<string, string>> = {
  dynamodb: 'dynamodb',
  eventbridge: 'events',
  s3: 's3',
  sqs: 'sqs',
};

/** Relative imports that are bundled: not `import type`, not `export type`. */
const RELATIVE_IMPORT =
  /(?:^|[\s;])(?:import|export)(\s+type\b)?[^'";]*?\bfrom\s*'(\.{1,2}\/[^']+)'|\bimport\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/** The repository's source files (relative to its root) an esbuild bundle of `entries` takes in, following relative value imports. */
export function bundledFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = entries.map((entry) => resolve(REPO_ROOT, entry));
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, typeOnly, from, bare] of code.matchAll(RELATIVE_IMPORT)) {
      const specifier = from ?? bare;
      if (typeOnly || specifier === undefined) continue;
      const path = resolve(dirname(file), specifier);
      const ts = path.replace(/\.js$/, '.ts');
      if (existsSync(ts)) todo.push(ts);
      else if (existsSync(path)) todo.push(path);
      else throw new Error(`${relative(REPO_ROOT, file)} imports ${specifier}, which is not there`);
    }
  }
  return [...seen].map((file) => relative(REPO_ROOT, file)).sort();
}

/**
 * The AWS SDK commands the files import, as IAM actions named after them (`GetItemCommand` from
 * `@aws-sdk/client-dynamodb` is `dynamodb:GetItem`), each with the files that import it.
 */
export function sdkCommandActions(files: readonly string[]): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  for (const file of files) {
    const code = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const [, names = '', client = ''] of code.matchAll(
      /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g,
    )) {
      const commands = names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => /^\w+Command$/.test(name));
      const prefix = IAM_PREFIX[client];
      if (commands.length > 0 && prefix === undefined) {
        throw new Error(
          `${file} sends commands of @aws-sdk/client-${client}, which this test cannot map to IAM`,
        );
      }
      for (const command of commands) {
        const action = `${prefix}:${command.slice(0, -'Command'.length)}`;
        actions.set(action, [...(actions.get(action) ?? []), file]);
      }
    }
  }
  return actions;
}

/** What one Lambda function's code sends, as the grants it needs. */
export interface FunctionCalls {
  /** The entry points its bundle is built from. */
  readonly entries: readonly string[];
  /**
   * Commands its bundle holds that it never sends (a shared module's method only another
   * function calls), each with the reason; each must still be in the bundle.
   */
  readonly notSent: Readonly<Record<string, string>>;
  /** Commands authorised by other IAM actions than their own name, or by several. */
  readonly actionsOf: Readonly<Record<string, readonly string[]>>;
}

/**
 * The IAM actions a function needs for the commands its bundle sends; fails when a `notSent`
 * command is no longer in the bundle (the exception is stale).
 */
export function actionsSentBy(calls: FunctionCalls): string[] {
  const inBundle = sdkCommandActions(bundledFiles(calls.entries));
  expect(Object.keys(calls.notSent).filter((action) => !inBundle.has(action))).toEqual([]);
  return [
    ...new Set(
      [...inBundle.keys()]
        .filter((action) => !(action in calls.notSent))
        .flatMap((action) => calls.actionsOf[action] ?? [action]),
    ),
  ].sort();
}
