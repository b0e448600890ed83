/** The command line of `undocs`: each command takes its own options and refuses the others. */
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  type CommandName,
  commandHelpText,
  helpText,
  parseCommandLine,
  UsageError,
} from '../../cli/usage.js';

describe('parseCommandLine', () => {
  it.each([
    [
      'a command, its arguments and its options in any order',
      ['get', 'A/80/15', '--lang', 'fr', '(Part', 'II)', '--text'],
      {
        kind: 'run',
        command: 'get',
        positionals: ['A/80/15', '(Part', 'II)'],
        values: { lang: 'fr', text: true },
      },
    ],
    [
      'switches and a value',
      ['reprocess', '--stale', '--wait', '--timeout', '10'],
      {
        kind: 'run',
        command: 'reprocess',
        positionals: [],
        values: { stale: true, wait: true, timeout: '10' },
      },
    ],
    [
      'a stack option',
      ['status', '--failed', '--stack', 'Undocs-prod'],
      { kind: 'run', command: 'status', positionals: [], values: { failed: true, stack: 'Undocs-prod' } },
    ],
    [
      'an argument that starts with a dash, after --',
      ['extract', '--jobs', '2', '--', '--odd.pdf'],
      { kind: 'run', command: 'extract', positionals: ['--odd.pdf'], values: { jobs: '2' } },
    ],
    ['--help of a command', ['get', 'A/1', '--help'], { kind: 'help', command: 'get' }],
    ['-h of a command', ['status', '-h'], { kind: 'help', command: 'status' }],
    ['help <command>', ['help', 'find'], { kind: 'help', command: 'find' }],
    ['--help alone', ['--help'], { kind: 'help' }],
    ['help alone', ['help'], { kind: 'help' }],
  ])('reads %s', (_case, argv, expected) => {
    // Act
    const line = parseCommandLine(argv);

    // Assert
    expect(line).toEqual(expected);
  });

  it.each<[string, string[], string, CommandName | undefined]>([
    [
      'options of other commands, all named',
      ['extract', '--stale', '--signatory', 'x', 'file.pdf'],
      'undocs extract does not take --stale or --signatory.',
      'extract',
    ],
    [
      'a stack option for extract',
      ['extract', '--local', 'file.pdf'],
      'undocs extract does not take --local.',
      'extract',
    ],
    ["extract's --jobs for get", ['get', '--jobs', '2', 'A/1'], 'undocs get does not take --jobs.', 'get'],
    ['--wait for status', ['status', '--wait'], 'undocs status does not take --wait.', 'status'],
    ['--prefix for watch', ['watch', '--prefix', 'in/'], 'undocs watch does not take --prefix.', 'watch'],
    [
      '--event-bus for upload',
      ['upload', '--event-bus', 'b', 'a.pdf'],
      'undocs upload does not take --event-bus.',
      'upload',
    ],
    ['an unknown short option', ['get', '-x', 'A/1'], 'undocs get does not take -x.', 'get'],
    [
      'the same option twice, named once',
      ['find', '--stale', '--stale'],
      'undocs find does not take --stale.',
      'find',
    ],
    [
      'an option without its value',
      ['extract', '--jobs'],
      "undocs extract: Option '--jobs <value>' argument missing",
      'extract',
    ],
    [
      'a value given to a switch',
      ['get', '--text=yes', 'A/1'],
      "undocs get: Option '--text' does not take an argument",
      'get',
    ],
    [
      'an argument to a command that takes none',
      ['status', 'DONE'],
      'undocs status takes no arguments; got "DONE".',
      'status',
    ],
    [
      'an option before the command',
      ['--local', 'status'],
      'The command comes first: undocs <command> [options]; got --local.',
      undefined,
    ],
    ['an unknown command', ['fetch', 'A/1'], 'Unknown command "fetch".', undefined],
    ['help of an unknown command', ['help', 'fetch'], 'Unknown command "fetch".', undefined],
    ['no command', [], 'undocs needs a command.', undefined],
  ])('refuses %s', (_case, argv, message, command) => {
    // Act
    const parse = () => parseCommandLine(argv);

    // Assert
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
    try {
      parse();
    } catch (error) {
      expect((error as UsageError).command).toBe(command);
    }
  });
});

/** The options a help text lists in its rows, `-h, --help` as `--help`. */
function listed(help: string, indent: string): string[] {
  return [...help.matchAll(new RegExp(`^${indent}(?:-h, )?--([a-z0-9-]+)`, 'gm'))]
    .map((m) => m[1] as string)
    .sort();
}

describe('help', () => {
  it.each(Object.keys(COMMANDS) as CommandName[])('of %s lists exactly the options it takes', (name) => {
    // Act
    const help = commandHelpText(name);

    // Assert
    expect(help).toMatch(new RegExp(`^Usage: undocs ${name}\\b`));
    expect(listed(help, ' {2}')).toEqual(Object.keys(COMMANDS[name].options).sort());
  });

  it('of every command lists each command with its own options, and the shared ones once', () => {
    // Act
    const help = helpText();

    // Assert
    const own = Object.values(COMMANDS).flatMap((command) =>
      Object.keys(command.options).filter(
        (option) => !['help', 'json', 'bucket', 'table', 'stack', 'local', 'region'].includes(option),
      ),
    );
    const withJson = Object.values(COMMANDS).filter((command) => Object.hasOwn(command.options, 'json'));
    expect(listed(help, ' {6}')).toEqual([...own, ...withJson.map(() => 'json')].sort());
    expect(listed(help, ' {2}')).toEqual(['bucket', 'help', 'json', 'local', 'region', 'stack', 'table']);
    for (const command of Object.values(COMMANDS)) expect(help).toContain(`\n  ${command.synopsis} `);
  });
});
