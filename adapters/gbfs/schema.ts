/** zod schemas of the GBFS responses Citi Bike publishes (2.x, with room for 3.0's forms). */
import { z } from "zod";
import type { StationInformation, StationStatus, SystemRegion } from "./types";

/** last_updated: epoch seconds in GBFS 1-2, an RFC 3339 timestamp in GBFS 3. */
const timestampMs = z.union([
  z
    .number()
    .finite()
    .nonnegative()
    .transform((s) => s * 1000),
  z
    .string()
    .transform((s) => Date.parse(s))
    .refine((ms) => Number.isFinite(ms), "not a timestamp"),
]);

export const envelopeSchema = z.object({
  last_updated: timestampMs,
  ttl: z.number().finite().nonnegative(),
  version: z.string().nullish(),
  data: z.record(z.string(), z.unknown()),
});

const id = z.union([z.string().min(1), z.number().transform(String)]);
const count = z.number().int().nonnegative();
/** GBFS 2 uses booleans, Citi Bike sends 0/1. */
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);
/** GBFS 3 localizes names as [{text, language}]: take English, else the first. */
const name = z.union([
  z.string(),
  z
    .array(z.object({ text: z.string(), language: z.string() }))
    .min(1)
    .transform((list) => (list.find((t) => t.language.startsWith("en")) ?? list[0]).text),
]);

/** last_reported at or before 1970-01-02 is the feed's "never reported" sentinel (86400). */
const NEVER_REPORTED_SECONDS = 86_400;

export const stationStatusSchema = z
  .object({
    station_id: id,
    num_bikes_available: count,
    num_ebikes_available: count.nullish(),
    num_bikes_disabled: count.nullish(),
    num_docks_available: count,
    num_docks_disabled: count.nullish(),
    is_installed: flag,
    is_renting: flag,
    is_returning: flag,
    last_reported: z.union([
      z.number().finite().nonnegative(),
      z.string().transform((s) => Date.parse(s) / 1000),
    ]),
  })
  .refine((s) => Number.isFinite(s.last_reported), {
    message: "last_reported is not a time",
    path: ["last_reported"],
  })
  .transform(
    (s): StationStatus => ({
      stationId: s.station_id,
      numBikesAvailable: s.num_bikes_available,
      numEbikesAvailable: s.num_ebikes_available ?? 0,
      numBikesDisabled: s.num_bikes_disabled ?? 0,
      numDocksAvailable: s.num_docks_available,
      numDocksDisabled: s.num_docks_disabled ?? 0,
      isInstalled: s.is_installed,
      isRenting: s.is_renting,
      isReturning: s.is_returning,
      lastReported: s.last_reported <= NEVER_REPORTED_SECONDS ? null : s.last_reported * 1000,
    }),
  );

export const stationInformationSchema = z
  .object({
    station_id: id,
    name,
    short_name: z.string().nullish(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    region_id: id.nullish(),
    capacity: count.nullish(),
  })
  .transform((s): StationInformation => {
    const out: StationInformation = { stationId: s.station_id, name: s.name, lat: s.lat, lon: s.lon };
    if (s.short_name != null) out.shortName = s.short_name;
    if (s.region_id != null) out.regionId = s.region_id;
    if (s.capacity != null) out.capacity = s.capacity;
    return out;
  });

export const systemRegionSchema = z
  .object({ region_id: id, name })
  .transform((r): SystemRegion => ({ regionId: r.region_id, name: r.name }));

export const discoveryFeedSchema = z.object({ name: z.string().min(1), url: z.url() });
