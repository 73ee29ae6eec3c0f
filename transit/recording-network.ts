import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadStaticGtfs } from "../adapters/gtfs-static";
import { recordingInfo } from "../adapters/recording";
import { localDateString } from "../util/time-zone";
import { buildTransitNetwork, type TransitNetwork } from "./network";

/** Where the static GTFS a recording was made with lives: <dir>/static (a zip or the .txt files). */
export function recordingStaticPath(dir: string): string | null {
  const s = join(dir, "static");
  if (!existsSync(s)) return null;
  const zip = readdirSync(s).find((f) => f.endsWith(".zip"));
  if (zip) return join(s, zip);
  return existsSync(join(s, "stops.txt")) ? s : null;
}

/** The transit network a recording was made with, for the day it starts on. */
export async function loadRecordingNetwork(
  dir: string,
  gtfsPath: string | null = recordingStaticPath(dir),
): Promise<{ network: TransitNetwork; start: number; end: number; serviceDate: string }> {
  if (!gtfsPath) throw new Error(`recording ${dir} has no static GTFS (expected ${join(dir, "static")})`);
  const info = recordingInfo(dir);
  if (info.frames === 0) throw new Error(`recording ${dir} has no frames`);
  const gtfs = await loadStaticGtfs(gtfsPath);
  if (!gtfs.ok) throw gtfs.error;
  const serviceDate = localDateString(info.start);
  return {
    network: buildTransitNetwork(gtfs.value, serviceDate),
    start: info.start,
    end: info.end,
    serviceDate,
  };
}
