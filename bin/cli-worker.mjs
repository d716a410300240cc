// Worker entry: load tsx in this thread too, then the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./cli-worker.ts');
