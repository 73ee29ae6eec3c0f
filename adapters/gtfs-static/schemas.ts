/** zod schemas of the small GTFS tables, as text cells in, typed records out. */
import { z } from "zod";

export const id = z.string().min(1);
export const float = z.string().transform(Number).pipe(z.number());
export const int = z.string().transform(Number).pipe(z.number().int());
const flag = z.enum(["0", "1"]).transform((s) => s === "1");
const ymd = z
  .string()
  .regex(/^\d{8}$/, "expected YYYYMMDD")
  .transform(Number);
const color = z
  .string()
  .regex(/^#?[0-9a-fA-F]{6}$/, "expected a hex color")
  .transform((s) => `#${s.replace("#", "").toUpperCase()}`);

export const stopRow = z.object({
  stop_id: id,
  stop_name: z.string().default(""),
  stop_lat: float.optional(),
  stop_lon: float.optional(),
  location_type: int.default(0),
  parent_station: z.string().optional(),
});

export const routeRow = z.object({
  route_id: id,
  agency_id: z.string().optional(),
  route_short_name: z.string().default(""),
  route_long_name: z.string().default(""),
  route_type: int,
  route_desc: z.string().optional(),
  route_color: color.optional(),
  route_text_color: color.optional(),
});

export const tripRow = z.object({
  route_id: id,
  service_id: id,
  trip_id: id,
  trip_headsign: z.string().optional(),
  direction_id: int.optional(),
  shape_id: z.string().optional(),
});

export const transferRow = z.object({
  from_stop_id: id,
  to_stop_id: id,
  transfer_type: int.default(0),
  min_transfer_time: int.optional(),
});

export const calendarRow = z.object({
  service_id: id,
  monday: flag,
  tuesday: flag,
  wednesday: flag,
  thursday: flag,
  friday: flag,
  saturday: flag,
  sunday: flag,
  start_date: ymd,
  end_date: ymd,
});

export const calendarDateRow = z.object({
  service_id: id,
  date: ymd,
  exception_type: z.enum(["1", "2"]).transform((s) => (s === "1" ? 1 : 2) as 1 | 2),
});

export const agencyRow = z.object({ agency_timezone: z.string().optional() });
