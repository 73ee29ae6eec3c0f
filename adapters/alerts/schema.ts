/**
 * zod schema of an alerts FeedMessage in protobufjs's camelCase object form
 * (extension fields under ".transit_realtime.<camelName>"). Both decoders end
 * here: the protobuf one via Type.toObject, the JSON one after renaming its
 * snake_case keys (see ./json-keys).
 */
import { z } from "zod";

/** Epoch seconds: a number, or a digit string (the proto3 JSON form of uint64). */
const seconds = z.union([z.number().finite().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

const translated = z.object({
  translation: z.array(z.object({ text: z.string(), language: z.string().nullish() })).default([]),
});

const entitySelector = z.object({
  agencyId: z.string().nullish(),
  routeId: z.string().nullish(),
  stopId: z.string().nullish(),
  ".transit_realtime.mercuryEntitySelector": z.object({ sortOrder: z.string() }).nullish(),
});

const mercuryAlert = z.object({
  createdAt: seconds,
  updatedAt: seconds,
  alertType: z.string(),
  humanReadableActivePeriod: translated.nullish(),
});

export const alertSchema = z.object({
  activePeriod: z.array(z.object({ start: seconds.nullish(), end: seconds.nullish() })).default([]),
  informedEntity: z.array(entitySelector).default([]),
  headerText: translated.nullish(),
  descriptionText: translated.nullish(),
  ".transit_realtime.mercuryAlert": mercuryAlert.nullish(),
});

export const entitySchema = z.object({
  id: z.string(),
  isDeleted: z.boolean().nullish(),
  alert: alertSchema.nullish(),
});

export const feedSchema = z.object({
  header: z.object({
    gtfsRealtimeVersion: z.string(),
    timestamp: seconds,
    ".transit_realtime.mercuryFeedHeader": z.object({ mercuryVersion: z.string() }).nullish(),
  }),
  // entities are validated one by one, so one bad alert does not sink the feed
  entity: z.array(z.unknown()).default([]),
});

export type AlertObject = z.output<typeof alertSchema>;
export type TranslatedObject = z.output<typeof translated>;
