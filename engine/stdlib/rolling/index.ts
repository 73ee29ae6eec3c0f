export { type EmaSpec, rollingEma } from "./ema";
export { MonotonicDeque } from "./extrema";
export { Moments } from "./moments";
export { quantileOfSorted } from "./quantile";
export { SortedChunks } from "./sorted-chunks";
export {
  type RollingStats,
  rollingCount,
  rollingMax,
  rollingMean,
  rollingMedian,
  rollingMin,
  rollingQuantile,
  rollingQuantiles,
  rollingStats,
  rollingStddev,
  rollingSum,
} from "./stats";
export type { Accumulator, AnySeries, RollingOptions, WindowSpec } from "./types";
