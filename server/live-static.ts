/**
 * The static GTFS behind a live run: where it comes from (a URL, downloaded
 * and cached; or a local folder or zip), the network built from it for one
 * service date, and, on refresh, whether a new network is due because the
 * data or the service date changed. A bad download or load never replaces
 * what is in use.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Logger } from "pino";
import { FeedError } from "../adapters/errors";
import { fetchStaticGtfs, loadStaticGtfs, type StaticGtfs } from "../adapters/gtfs-static";
import { buildTransitNetwork, type TransitNetwork } from "../transit/network";
import { localDateString } from "../util/time-zone";

export interface StaticFile {
  name: string;
  bytes: Uint8Array;
}

/** One static GTFS version, built into a network for one service date. */
export interface StaticSnapshot {
  network: TransitNetwork;
  /** The files, to store beside the recording. */
  files: StaticFile[];
  /** Content hash of the files: equal hashes, same data. */
  version: string;
  serviceDate: string;
  /** The folder or zip on disk it was loaded from. */
  path: string;
}

/** What a refresh found: a snapshot to switch to (or none), and the error that kept the data as it was. */
export interface StaticCandidate {
  next: StaticSnapshot | null;
  dataChanged: boolean;
  error?: FeedError;
}

export interface LiveStaticOptions {
  /** Download from here (cached in cacheDir)... */
  url?: string;
  cacheDir: string;
  /** ...or read this folder or zip instead. */
  path?: string;
  log: Logger;
  /** Clock (service date, cache age), for tests. */
  now?: () => number;
}

const FEED = "gtfs-static";

/** The static GTFS files of a folder or zip, to store beside a live recording. */
export function staticFilesOf(path: string): StaticFile[] {
  if (!statSync(path).isDirectory()) return [{ name: basename(path), bytes: readFileSync(path) }];
  return readdirSync(path)
    .filter((f) => f.endsWith(".txt") || f.endsWith(".csv"))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(path, f)) }));
}

function versionOf(files: readonly StaticFile[]): string {
  const h = createHash("sha1");
  for (const f of files) h.update(f.name).update("\0").update(f.bytes).update("\0");
  return h.digest("hex");
}

async function load(path: string): Promise<StaticGtfs> {
  const r = await loadStaticGtfs(path);
  if (!r.ok) throw r.error;
  return r.value;
}

export class LiveStatic {
  private constructor(
    private readonly o: LiveStaticOptions,
    private snapshot: StaticSnapshot,
  ) {}

  /** The first snapshot, at live start: fails (throws) only when there is no usable copy at all. */
  static async open(o: LiveStaticOptions): Promise<LiveStatic> {
    if (!o.url && !o.path) throw new Error("live static GTFS: give a URL or a path");
    const now = o.now ?? Date.now;
    let loaded: StaticGtfs | undefined;
    let path = o.path;
    if (o.url) {
      const got = await fetchStaticGtfs(o.url, o.cacheDir, { now, check: checkInto((g) => (loaded = g)) });
      if (!got.ok) throw got.error;
      if (got.value.error)
        o.log.warn({ url: o.url, err: got.value.error.message }, "static GTFS: using the cached copy");
      path = got.value.path;
    }
    const files = staticFilesOf(path!);
    const gtfs = loaded ?? (await load(path!));
    const serviceDate = localDateString(now());
    const network = buildTransitNetwork(gtfs, serviceDate);
    return new LiveStatic(o, { network, files, version: versionOf(files), serviceDate, path: path! });
  }

  get current(): StaticSnapshot {
    return this.snapshot;
  }

  /** Where the data comes from, for log lines. */
  get origin(): string {
    return this.o.url ?? this.o.path ?? "";
  }

  /** The snapshot now in use (after the runner switched to it). */
  commit(s: StaticSnapshot): void {
    this.snapshot = s;
  }

  /**
   * Asks the source again (a conditional request for a URL) and builds a new
   * snapshot if the data or today's service date differ from the current one.
   * Never throws: a failure comes back as `error`, with the current data kept
   * (a new service date is still built from the copy in hand).
   */
  async refresh(): Promise<StaticCandidate> {
    const now = this.o.now ?? Date.now;
    const cur = this.snapshot;
    let error: FeedError | undefined;
    let loaded: StaticGtfs | undefined;
    let path = cur.path;
    let files: StaticFile[] | undefined;
    try {
      if (this.o.url) {
        // maxAgeMs 0: always ask; an unchanged file costs a 304.
        const got = await fetchStaticGtfs(this.o.url, this.o.cacheDir, {
          now,
          maxAgeMs: 0,
          check: checkInto((g) => (loaded = g)),
        });
        if (!got.ok) error = got.error;
        else {
          error = got.value.error;
          path = got.value.path;
          if (got.value.source === "downloaded") files = staticFilesOf(path);
        }
      } else {
        files = staticFilesOf(path);
      }
      const version = files ? versionOf(files) : cur.version;
      const dataChanged = version !== cur.version;
      const serviceDate = localDateString(now());
      if (!dataChanged && serviceDate === cur.serviceDate) return { next: null, dataChanged, error };
      const gtfs = dataChanged && loaded ? loaded : await load(path);
      const network = buildTransitNetwork(gtfs, serviceDate);
      const next = { network, files: files ?? cur.files, version, serviceDate, path };
      return { next, dataChanged, error };
    } catch (e) {
      const err =
        e instanceof FeedError
          ? e
          : new FeedError("invalid", `cannot build the network: ${(e as Error).message}`, {
              feed: FEED,
              url: this.origin,
            });
      return { next: null, dataChanged: false, error: err };
    }
  }
}

/** A fetch check that loads the new copy (so a corrupt zip never replaces the cache) and hands it over. */
function checkInto(keep: (g: StaticGtfs) => void) {
  return async (path: string): Promise<FeedError | undefined> => {
    const r = await loadStaticGtfs(path);
    if (!r.ok) return r.error;
    keep(r.value);
    return undefined;
  };
}
