// Entry of every worker thread: registers tsx (workers inherit no loader) and imports the TypeScript module
// named by the first worker argument.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
