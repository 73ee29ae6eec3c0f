// The engine worker's entry in plain JS: a worker thread does not inherit tsx's loader
// (npm start, node --import tsx, vitest's forks alike), so it registers it, then loads the
// TypeScript module named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
