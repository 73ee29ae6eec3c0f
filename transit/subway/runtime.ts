/**
 * Runtime per line and direction (METRICS.md): the sum of typical travel
 * times along the current routing vs the scheduled runtime; slow at 5
 * minutes or more over, or when any section of 3 to 7 consecutive stations
 * is 5 minutes or more over. The scheduled side sums the same pairs'
 * scheduled times, so that a routing with no observations is exactly on time.
 */
import type { StopPattern, TransitNetwork } from "../network";
import { SLOW_OVER_SEC, SLOW_SECTION_MAX_STATIONS, SLOW_SECTION_MIN_STATIONS } from "./constants";
import type { TravelTimes } from "./travel-times";

export interface SlowSection {
  from: string;
  to: string;
  overSec: number;
}

export interface RuntimeResult {
  actualSec: number;
  scheduledSec: number;
  slow: boolean;
  slowSection?: SlowSection;
}

/**
 * The worst section of 3..7 consecutive stations at least SLOW_OVER_SEC over:
 * the most seconds over, then the fewest stations, then the earliest.
 */
export function worstSlowSection(
  stations: readonly string[],
  overSec: readonly number[],
): SlowSection | undefined {
  let best: SlowSection | undefined;
  let bestPairs = 0;
  for (let i = 0; i < overSec.length; i++) {
    let sum = 0;
    for (let k = 1; k <= SLOW_SECTION_MAX_STATIONS - 1 && i + k - 1 < overSec.length; k++) {
      sum += overSec[i + k - 1];
      if (k + 1 < SLOW_SECTION_MIN_STATIONS || sum < SLOW_OVER_SEC) continue; // k pairs span k + 1 stations
      if (!best || sum > best.overSec || (sum === best.overSec && k < bestPairs)) {
        best = { from: stations[i], to: stations[i + k], overSec: sum };
        bestPairs = k;
      }
    }
  }
  return best;
}

export function patternRuntime(
  pattern: StopPattern,
  travel: TravelTimes,
  net: TransitNetwork,
): RuntimeResult | undefined {
  const dir = pattern.direction;
  const stations = pattern.stations;
  const over: number[] = [];
  let actualSec = 0;
  let scheduledSec = 0;
  for (let i = 1; i < stations.length; i++) {
    const sched = net.scheduledPairSec(dir, stations[i - 1], stations[i]);
    if (sched === undefined) {
      over.push(0); // keeps sections aligned with stations; unscheduled pairs do not count
      continue;
    }
    const typical = travel.typicalSec(dir, stations[i - 1], stations[i]) ?? sched;
    actualSec += typical;
    scheduledSec += sched;
    over.push(typical - sched);
  }
  if (scheduledSec === 0) return undefined;
  const slowSection = worstSlowSection(stations, over);
  const result: RuntimeResult = {
    actualSec,
    scheduledSec,
    slow: actualSec - scheduledSec >= SLOW_OVER_SEC || slowSection !== undefined,
  };
  if (slowSection) result.slowSection = slowSection;
  return result;
}
