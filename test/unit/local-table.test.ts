/**
 * The local table is created from the template's table with everything a reader can observe
 * (issue 14: the local describe-table and docs/data-model.md disagreed with the deployed table).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../cdk/constructs/document-table.js';
import { readTableDefinition } from '../../local/template.js';

/** The document table's resource as the stack synthesizes it. */
function synthesizedTable(): { logicalId: string; properties: Record<string, unknown> } {
  const stack = new Stack(new App(), 'TableOnly');
  new DocumentTable(stack, 'DocumentTable');
  const [entry] = Object.entries(Template.fromStack(stack).findResources('AWS::DynamoDB::Table'));
  if (!entry) throw new Error('the stack has no table');
  return { logicalId: entry[0], properties: entry[1].Properties };
}

describe('readTableDefinition', () => {
  it('creates the local table with the template keys, attributes, indexes with projections and billing', () => {
    // Arrange
    const { logicalId, properties } = synthesizedTable();

    // Act
    const table = readTableDefinition(logicalId, properties);

    // Assert
    expect(table).toEqual({
      logicalId,
      keySchema: properties.KeySchema,
      attributeDefinitions: properties.AttributeDefinitions,
      globalSecondaryIndexes: properties.GlobalSecondaryIndexes,
      billingMode: 'PAY_PER_REQUEST',
    });
    expect(properties).not.toHaveProperty('StreamSpecification');
  });

  it.each([
    ['StreamSpecification', { StreamViewType: 'NEW_AND_OLD_IMAGES' }],
    ['TimeToLiveSpecification', { AttributeName: 'expiresAt', Enabled: true }],
    ['LocalSecondaryIndexes', []],
    ['TableClass', 'STANDARD_INFREQUENT_ACCESS'],
    ['BillingMode', 'PROVISIONED'],
  ])('refuses a template whose table has %s, which the local table would not show', (name, value) => {
    // Arrange
    const { logicalId, properties } = synthesizedTable();

    // Act
    const read = () => readTableDefinition(logicalId, { ...properties, [name]: value });

    // Assert
    expect(read).toThrow(name === 'BillingMode' ? /PROVISIONED/ : new RegExp(name));
  });
});
