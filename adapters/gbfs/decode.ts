/**
 * GBFS decoders: discovery (gbfs.json), station_information, station_status,
 * system_regions. Each returns the response's last_updated, ttl and version
 * with its records. Errors, never thrown: 'empty', 'parse' (not JSON, HTML
 * page), 'invalid' (no last_updated/ttl/data, or no record list). A bad
 * record is dropped and counted, never the whole response.
 */
import type { z } from "zod";
import { FeedError, fail, ok, type Result } from "../errors";
import { type DecodeContext, receivedAtOf } from "../gtfsrt/context";
import { decodeJsonBody } from "../gtfsrt/json-body";
import { firstIssue, keepValid } from "../gtfsrt/records";
import {
  discoveryFeedSchema,
  envelopeSchema,
  stationInformationSchema,
  stationStatusSchema,
  systemRegionSchema,
} from "./schema";
import type {
  GbfsDiscovery,
  GbfsResponseInfo,
  StationInformationSnapshot,
  StationStatusSnapshot,
  SystemRegionsSnapshot,
} from "./types";

type Body = string | Uint8Array;
type Envelope = { info: Omit<GbfsResponseInfo, "dropped">; data: Record<string, unknown> };

function decodeEnvelope(body: Body, ctx: DecodeContext): Result<Envelope> {
  const parsed = decodeJsonBody(body, ctx);
  if (!parsed.ok) return parsed;
  const envelope = envelopeSchema.safeParse(parsed.value);
  if (!envelope.success) return fail(invalid(`not a GBFS response: ${firstIssue(envelope.error)}`, ctx));
  const { last_updated, ttl, version, data } = envelope.data;
  const info = {
    feed: ctx.feed,
    url: ctx.url,
    receivedAt: receivedAtOf(ctx),
    lastUpdated: last_updated,
    ttl,
    version: version ?? null,
  };
  return ok({ info, data });
}

function invalid(message: string, ctx: DecodeContext): FeedError {
  return new FeedError("invalid", message, { feed: ctx.feed, url: ctx.url });
}

/** data[key] must be a list; its records are validated one by one. */
function decodeList<S extends z.ZodType>(
  body: Body,
  ctx: DecodeContext,
  key: string,
  schema: S,
): Result<Omit<GbfsResponseInfo, "dropped"> & { values: z.output<S>[]; dropped: number }> {
  const envelope = decodeEnvelope(body, ctx);
  if (!envelope.ok) return envelope;
  const list = envelope.value.data[key];
  if (!Array.isArray(list)) return fail(invalid(`data.${key} is not a list`, ctx));
  return ok({ ...envelope.value.info, ...keepValid(list, schema) });
}

export function decodeStationInformation(body: Body, ctx: DecodeContext): Result<StationInformationSnapshot> {
  const r = decodeList(body, ctx, "stations", stationInformationSchema);
  if (!r.ok) return r;
  const { values, ...rest } = r.value;
  return ok({ ...rest, stations: values });
}

export function decodeStationStatus(body: Body, ctx: DecodeContext): Result<StationStatusSnapshot> {
  const r = decodeList(body, ctx, "stations", stationStatusSchema);
  if (!r.ok) return r;
  const { values, ...rest } = r.value;
  return ok({ ...rest, stations: values });
}

export function decodeSystemRegions(body: Body, ctx: DecodeContext): Result<SystemRegionsSnapshot> {
  const r = decodeList(body, ctx, "regions", systemRegionSchema);
  if (!r.ok) return r;
  const { values, ...rest } = r.value;
  return ok({ ...rest, regions: values });
}

/**
 * gbfs.json: GBFS 1-2 list feeds per language (data.en.feeds; "en" preferred,
 * else the first language), GBFS 3 directly (data.feeds).
 */
export function decodeGbfsDiscovery(body: Body, ctx: DecodeContext): Result<GbfsDiscovery> {
  const envelope = decodeEnvelope(body, ctx);
  if (!envelope.ok) return envelope;
  const { info, data } = envelope.value;
  let language: string | null = null;
  let list: unknown = data.feeds;
  if (list === undefined) {
    const languages = Object.keys(data);
    language = languages.includes("en") ? "en" : (languages[0] ?? null);
    const perLanguage = language === null ? undefined : data[language];
    list =
      typeof perLanguage === "object" && perLanguage !== null
        ? (perLanguage as { feeds?: unknown }).feeds
        : undefined;
  }
  if (!Array.isArray(list)) return fail(invalid("gbfs.json lists no feeds", ctx));
  const { values, dropped } = keepValid(list, discoveryFeedSchema);
  const feeds: Record<string, string> = {};
  for (const f of values) feeds[f.name] = f.url;
  return ok({ ...info, dropped, language, feeds });
}
