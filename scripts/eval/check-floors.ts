/**
 * `npm run eval:check-floors`: floors only go up. Compares eval-floors.json (as checked out) with the
 * same file in HEAD, in each parent of HEAD (a merge has two) and at the point where this branch left
 * main (origin/main, else main), and fails naming every floor one of them had that is now lower or
 * gone. Needs no corpus. What git cannot show is skipped and said: not a git checkout, a shallow clone
 * without the parent commit, a commit from before the floors file existed.
 *
 *   npm run eval:check-floors             exit 0: no floor lowered; 1: a floor lowered or removed
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { FLOORS_FILE, type Floors, loweredFloors, parseFloors } from './floors.js';

const root = dirname(FLOORS_FILE);

/** Runs git in the repository; undefined when it fails (no git, no such object...). */
function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The commits to compare with, each with how it is named in the report. */
function bases(head: string): { name: string; commit: string }[] {
  const found: { name: string; commit: string }[] = [{ name: 'HEAD', commit: head }];
  const parents = (git('rev-list', '--parents', '-n', '1', 'HEAD') ?? '').split(' ').slice(1);
  parents.forEach((commit, i) => {
    found.push({ name: `HEAD^${i + 1}`, commit });
  });
  if (parents.length === 0 && git('rev-parse', '--is-shallow-repository') === 'true') {
    process.stdout.write(
      "eval floors: HEAD's parents skipped: a shallow clone hides them (git fetch --deepen=1 shows them)\n",
    );
  }
  for (const ref of ['origin/main', 'main']) {
    if (git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`) === undefined) continue;
    const fork = git('merge-base', 'HEAD', ref);
    if (fork && !found.some((b) => b.commit === fork))
      found.push({ name: `fork point from ${ref}`, commit: fork });
    break;
  }
  return found;
}

function main(): number {
  const current: Floors = parseFloors(readFileSync(FLOORS_FILE, 'utf8'), FLOORS_FILE);
  const head = git('rev-parse', 'HEAD');
  const top = git('rev-parse', '--show-toplevel');
  if (!head || !top) {
    process.stdout.write('eval floors: history check skipped: not a git checkout (or no git)\n');
    return 0;
  }
  const path = relative(top, FLOORS_FILE);
  let lowered = 0;
  let compared = 0;
  for (const base of bases(head)) {
    const label = `${base.name} (${base.commit.slice(0, 7)})`;
    if (git('cat-file', '-e', `${base.commit}^{commit}`) === undefined) {
      process.stdout.write(`eval floors: ${label} skipped: not in this clone (shallow?)\n`);
      continue;
    }
    const text = git('show', `${base.commit}:${path}`);
    if (text === undefined) {
      process.stdout.write(`eval floors: ${label} skipped: it has no ${path} yet\n`);
      continue;
    }
    compared++;
    const lines = loweredFloors(parseFloors(text, `${path} at ${label}`), current);
    lowered += lines.length;
    process.stdout.write(
      lines.length === 0
        ? `eval floors: none lower than at ${label}\n`
        : `eval floors: LOWER THAN AT ${label}:\n${lines.map((line) => `  ${line}\n`).join('')}`,
    );
  }
  if (lowered > 0) {
    process.stdout.write(
      `eval floors: FAILED: floors only go up (npm run eval -- --raise-floors raises them; nothing lowers one)\n`,
    );
    return 1;
  }
  process.stdout.write(
    compared === 0
      ? 'eval floors: passed: no earlier floors file to compare with\n'
      : `eval floors: passed: no floor lower than in ${compared} earlier version(s)\n`,
  );
  return 0;
}

process.exitCode = main();
