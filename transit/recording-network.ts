import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isoWithOffset } from "../adapters/export/time-format";
import { loadStaticGtfs } from "../adapters/gtfs-static";
import { recordingInfo } from "../adapters/recording";
import { buildTransitNetwork, type TransitNetwork } from "./network";

/** Where the static GTFS a recording was made with lives: <dir>/static (a zip or the .txt files). */
export function recordingStaticPath(dir: string): string | null {
  const s = join(dir, "static");
  if (!existsSync(s)) return null;
  const zip = readdirSync(s).find((f) => f.endsWith(".zip"));
  if (zip) return join(s, zip);
  return existsSync(join(s, "stops.txt")) ? s : null;
}

/** The New York service date (YYYYMMDD) of an instant. */
export function serviceDateOf(t: number): string {
  return isoWithOffset(t).slice(0, 10).replace(/-/g, "");
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
  const serviceDate = serviceDateOf(info.start);
  return {
    network: buildTransitNetwork(gtfs.value, serviceDate),
    start: info.start,
    end: info.end,
    serviceDate,
  };
}
