/**
 * One `undocs extract` of one file in a fresh process, through the same CLI bundle `undocs` runs,
 * with what the process cost read at its end: wall time, CPU time and peak resident memory. Used by
 * `npm run bench` (memory on the largest file) and `npm run bench -- --ocr` (OCR per page).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../..', import.meta.url).pathname;

/** What the probe reports. */
export interface CliProbe {
  /** The JSON `undocs extract --json` printed for the file (an extraction, or `{ file, error }`). */
  readonly result: {
    readonly pageCount?: number;
    readonly pages?: readonly { readonly textSource?: string }[];
    readonly error?: { readonly message: string };
  };
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssKb: number;
}

/**
 * Runs `undocs extract --json <options> <files...>` in a fresh process and reports its cost; the
 * result is the last document printed (the only one for one file).
 */
export function probeExtract(file: string | readonly string[], options: readonly string[]): CliProbe {
  const files = typeof file === 'string' ? [file] : file;
  const out = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { join } = await import('node:path');
       const { pathToFileURL } = await import('node:url');
       const { cliBundle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'bin/bundle.mjs')).href)});
       const { main } = await import(pathToFileURL(join(await cliBundle(), 'cli.mjs')).href);
       const write = process.stdout.write.bind(process.stdout);
       let result = {};
       process.stdout.write = (chunk) => { try { result = JSON.parse(String(chunk)); } catch {} return true; };
       const started = performance.now();
       await main(['extract', '--json', ...${JSON.stringify(options)}, ...process.argv.slice(1)]);
       const seconds = (performance.now() - started) / 1000;
       const usage = process.resourceUsage();
       write(JSON.stringify({
         result,
         seconds,
         cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
         maxRssKb: usage.maxRSS,
       }));`,
      ...files,
    ],
    { cwd: ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  );
  return JSON.parse(out.stdout.toString() || '{"result":{},"seconds":0,"cpuSeconds":0,"maxRssKb":0}');
}
