/**
 * How every undocs function is bundled: one ESM file per function for the Node 22 Lambda runtime,
 * minified with source maps, with the `require` shim and the externals every undocs bundle shares
 * (scripts/bundle-options.mjs). The SDK is bundled, not taken from the runtime: the code that runs
 * locally is the code that ships. Only pdf.js's optional native canvas and the OCR engine stay out:
 * these functions read text layers and never render or OCR (a scan is stored NEEDS_OCR).
 */
import { join } from 'node:path';
import { type BundlingOptions, type ICommandHooks, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { OCR_EXTERNALS, PDF_EXTERNALS, REQUIRE_SHIM } from '../../scripts/bundle-options.mjs';

export const UNDOCS_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  banner: REQUIRE_SHIM,
  bundleAwsSDK: true,
  externalModules: [...PDF_EXTERNALS, ...OCR_EXTERNALS],
  forceDockerBundling: false,
} as const satisfies BundlingOptions;

function shellQuote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * Command hooks that run `node scripts/<script> <output dir> [...args]` after esbuild: what a
 * function carries beside its index.mjs (the extract worker, the OCR engine and its data).
 */
export function afterBundlingScript(script: string, ...args: string[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      ['node', shellQuote(join(inputDir, 'scripts', script)), shellQuote(outputDir), ...args].join(' '),
    ],
  };
}
