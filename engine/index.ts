export {
  type EventColumns,
  type PushInput,
  type PushMode,
  pullInput,
  pushInput,
  replayThenLive,
} from "./adapters";
export { contain } from "./builder";
export { type DynamicOptions, dynamic, dynamicDemux } from "./dynamic";
export { delayedEdge, engineErrors, feedback, type OutputLog, output, sink } from "./edges";
export { Engine, type RunOptions, type RunResult, run, runRealtime } from "./engine";
export { GraphError, NodeError, type NodeFailure } from "./errors";
export type { GraphJson } from "./export";
export type { HistorySpec } from "./history";
export { Alarm, alarm, multiNode, type NodeContext, type NodeSpec, node, sinkNode } from "./node";
export type { ProfileReport } from "./profiler";
export { Series, ticked, valid } from "./series";
export { stableStringify } from "./stable-json";
export * from "./stdlib/basic";
export * from "./stdlib/rolling";
export { HOUR, isoTime, MINUTE, SECOND, type Time } from "./time";
