// Worker-thread entry of `undocs extract`: loads tsx in this thread, then the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
process.setSourceMapsEnabled(false);
await import('../cli/extract-worker.ts');
