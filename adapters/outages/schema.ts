/**
 * zod schemas of the outage feed: the two envelopes (old
 * {"NYCOutages":{"outage":[...]}} and the flat array) and one record.
 */
import { z } from "zod";
import { parseMtaLocalTime } from "./ny-time";
import type { Outage } from "./types";

/** Text fields sometimes arrive as numbers (equipment ids); an empty or "null" text means absent. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    const s = v === null || v === undefined ? "" : String(v).trim();
    return s === "" || s.toLowerCase() === "null" ? null : s;
  });

const required = text.refine((v): v is string => v !== null, "required");

/** A local time that is absent is null; one that is present must parse. */
const localTime = text.transform((v, ctx) => {
  if (v === null) return null;
  const ms = parseMtaLocalTime(v);
  if (ms === null) ctx.addIssue({ code: "custom", message: `not a MM/DD/YYYY hh:mm:ss AM time: ${v}` });
  return ms;
});

const KINDS: Record<string, Outage["kind"]> = { EL: "elevator", ES: "escalator" };

function yesNo(v: string | null): boolean | null {
  const s = v?.toUpperCase();
  if (s === "Y" || s === "YES" || s === "TRUE") return true;
  if (s === "N" || s === "NO" || s === "FALSE") return false;
  return null;
}

export const outageRecordSchema = z
  .object({
    station: required,
    borough: text,
    trainno: text,
    equipment: required,
    equipmenttype: text,
    serving: text,
    ADA: text,
    outagedate: localTime,
    estimatedreturntoservice: localTime,
    reason: text,
    isupcomingoutage: text,
    ismaintenanceoutage: text,
  })
  .transform(
    (r): Outage => ({
      station: r.station as string,
      borough: r.borough,
      lines: (r.trainno ?? "")
        .split("/")
        .map((s) => s.trim())
        .filter(Boolean),
      equipmentId: r.equipment as string,
      equipmentType: r.equipmenttype ?? "",
      kind: KINDS[(r.equipmenttype ?? "").toUpperCase()] ?? "other",
      serving: r.serving,
      ada: yesNo(r.ADA),
      outageStart: r.outagedate,
      estimatedReturn: r.estimatedreturntoservice,
      reason: r.reason,
      isUpcoming: yesNo(r.isupcomingoutage),
      isMaintenance: yesNo(r.ismaintenanceoutage),
    }),
  );

/** The record list of either envelope; the old one may hold a single record instead of a list. */
export const outageEnvelopeSchema = z.union([
  z.array(z.unknown()),
  z
    .object({ NYCOutages: z.object({ outage: z.union([z.array(z.unknown()), z.unknown()]).nullish() }) })
    .transform(({ NYCOutages: { outage } }) =>
      Array.isArray(outage) ? outage : outage == null ? [] : [outage],
    ),
]);
