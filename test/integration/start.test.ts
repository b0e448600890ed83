/** The README's first command: `npm start` runs the pipeline on the samples and shows the extraction. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXPECTED_SAMPLES, isRead } from '../support/local.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm start', () => {
  it('ingests every sample through the bundled Lambda and prints what it found', async () => {
    const { stdout } = await run('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', UNDOCS_STATE_FILE: `${ROOT}.undocs/test-start.json` },
      maxBuffer: 10 * 1024 * 1024,
      timeout: 120_000,
    });

    expect(stdout).toContain(`${EXPECTED_SAMPLES.length}/${EXPECTED_SAMPLES.length} document(s) extracted`);
    expect(stdout).toContain('bundled asset from cdk synth');
    // The bundled handler's own EventBridge client published to the local bus.
    expect(stdout).toContain(`Change events on the local bus: ${EXPECTED_SAMPLES.length} DocumentIngested.`);
    for (const expected of EXPECTED_SAMPLES) {
      expect(stdout).toContain(`DONE       incoming/${expected.file}`);
      if (isRead(expected, 'symbols'))
        for (const symbol of expected.symbols) expect(stdout).toContain(symbol);
    }
    expect(stdout).toContain('symbols      none printed');
  }, 150_000);
});
