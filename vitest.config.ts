import { defineConfig } from 'vitest/config';

const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  CDK_DISABLE_VERSION_CHECK: '1',
};

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        // Pure code and CDK assertions: no servers.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'],
          env,
          testTimeout: 60_000,
        },
      },
      {
        // OCR with the real engine (tesseract.js, WASM) on pages the project renders itself: a few
        // seconds a page, so apart from the unit tests.
        test: {
          name: 'ocr',
          include: ['test/ocr/**/*.test.ts'],
          env,
          testTimeout: 180_000,
        },
      },
      {
        // The local stack: embedded servers and the bundled Lambda, from one synthesis per run.
        test: {
          name: 'integration',
          include: ['test/handlers/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The archivists' console: its API against the local stack, and its pages in Debian's
        // chromium driven by playwright-core (skipped, saying why, where /usr/bin/chromium is missing).
        test: {
          name: 'console',
          include: ['test/console/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
