import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../local/synth.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository-shaped folder with one file in each of `folders`. */
function repository(folders: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'undocs-synth-hash-'));
  roots.push(root);
  for (const folder of folders) {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'file.ts'), `// ${folder}\n`);
  }
  return root;
}

describe('the cached synthesis is keyed by everything the synthesis reads', () => {
  it.each([['cdk'], ['lambdas'], ['lib'], ['console'], ['scripts']])(
    'a change under %s/ is a new synthesis',
    (folder) => {
      // Arrange
      const root = repository(['cdk', 'lambdas', 'lib', 'console', 'scripts']);
      const before = sourceHash(root);

      // Act
      writeFileSync(join(root, folder, 'file.ts'), '// changed\n');

      // Assert
      expect(sourceHash(root)).not.toBe(before);
    },
  );

  it('a change elsewhere (tests, docs) keeps the synthesis', () => {
    const root = repository(['cdk', 'test', 'docs']);
    const before = sourceHash(root);
    writeFileSync(join(root, 'test', 'file.ts'), '// changed\n');
    writeFileSync(join(root, 'docs', 'file.ts'), '// changed\n');
    expect(sourceHash(root)).toBe(before);
  });
});
