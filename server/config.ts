/**
 * Configuration by environment or flags (flags win). One place, validated,
 * so every command (start, record, replay) reads the same names.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_BASE_URLS } from "../adapters/feeds";
import { DEFAULT_REFRESH_AT, refreshAtSchema } from "./static-refresh";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  MTA_BASE_URL: z.string().url().default(DEFAULT_BASE_URLS.mta),
  GBFS_BASE_URL: z.string().url().default(DEFAULT_BASE_URLS.gbfs),
  STATIC_GTFS_URL: z.string().url().default("https://rrgtfsfeeds.s3.amazonaws.com/gtfs_subway.zip"),
  /** Local time of the daily static GTFS refresh in live mode: "HH:MM [Area/City]". */
  STATIC_GTFS_REFRESH_AT: z
    .string()
    .default(DEFAULT_REFRESH_AT)
    .refine((s) => refreshAtSchema.safeParse(s).success, "use HH:MM, optionally followed by a time zone"),
  DATA_DIR: z.string().default("data"),
  RECORD_DIR: z.string().optional(),
  RETAIN_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  WARMUP_HOURS: z.coerce.number().min(0).default(3),
  ADMIN_TOKEN: z.string().min(8).optional(),
  TILE_URL: z.string().default("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"),
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`bad configuration in the environment: ${issues}`);
  }
  return r.data;
}

/** "HH:MM" on the recording's New York day, or an ISO time, to epoch ms. */
export function parseClock(text: string, dayStart: number): number {
  const hm = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (hm) return dayStart + (Number(hm[1]) * 60 + Number(hm[2])) * 60_000;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new Error(`cannot read time '${text}': use HH:MM or an ISO 8601 time`);
  return t;
}

export function parseFlags<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}
