export { type BikesGraph, type BikesGraphInputs, bikesGraph } from "./graph";
export { nextLocalMidnight, startOfLocalDay } from "./local-day";
export { DEFAULT_NET_FLOW, type NetFlowOptions } from "./net-flow";
