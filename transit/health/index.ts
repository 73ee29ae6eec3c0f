export { containedFailures, failureTick } from "./failures";
export { type FeedEvent, type HealthGraph, type HealthGraphInputs, healthGraph } from "./graph";
