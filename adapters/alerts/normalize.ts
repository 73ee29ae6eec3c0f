/** A validated alerts FeedMessage object -> AlertsSnapshot (shared by the protobuf and JSON decoders). */
import { FeedError, fail, type Result } from "../errors";
import { type DecodeContext, type FreshnessOptions, receivedAtOf } from "../gtfsrt/context";
import { firstIssue } from "../gtfsrt/records";
import { checkFresh } from "../gtfsrt/stale";
import { type AlertObject, entitySchema, feedSchema, type TranslatedObject } from "./schema";
import type { AlertsSnapshot, InformedEntity, ServiceAlert } from "./types";

export function snapshotFromObject(
  obj: unknown,
  ctx: DecodeContext,
  options: FreshnessOptions,
): Result<AlertsSnapshot> {
  const feed = feedSchema.safeParse(obj);
  if (!feed.success)
    return fail(
      new FeedError("invalid", `not an alerts feed: ${firstIssue(feed.error)}`, {
        feed: ctx.feed,
        url: ctx.url,
      }),
    );
  const { header, entity } = feed.data;
  const alerts: ServiceAlert[] = [];
  let dropped = 0;
  for (const item of entity) {
    const parsed = entitySchema.safeParse(item);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    if (parsed.data.isDeleted) continue;
    const alert = parsed.data.alert ? toServiceAlert(parsed.data.id, parsed.data.alert) : null;
    if (alert) alerts.push(alert);
    else dropped++;
  }
  const receivedAt = receivedAtOf(ctx);
  const snapshot: AlertsSnapshot = {
    feed: ctx.feed,
    url: ctx.url,
    receivedAt,
    timestamp: header.timestamp * 1000,
    gtfsRealtimeVersion: header.gtfsRealtimeVersion,
    mercuryVersion: header[".transit_realtime.mercuryFeedHeader"]?.mercuryVersion ?? null,
    alerts,
    dropped,
  };
  return checkFresh(snapshot, snapshot.timestamp, { ...ctx, receivedAt }, options);
}

/** null when the alert has no header text at all: nothing to show. */
function toServiceAlert(id: string, a: AlertObject): ServiceAlert | null {
  const header = pickTexts(a.headerText);
  if (header.text === undefined) return null;
  const mercury = a[".transit_realtime.mercuryAlert"];
  const informed = a.informedEntity.map(toInformed);
  const alertType = mercury?.alertType ?? null;
  return {
    id,
    alertType,
    createdAt: mercury ? mercury.createdAt * 1000 : null,
    updatedAt: mercury ? mercury.updatedAt * 1000 : null,
    activePeriods: a.activePeriod.map((p) =>
      p.end == null ? { start: (p.start ?? 0) * 1000 } : { start: (p.start ?? 0) * 1000, end: p.end * 1000 },
    ),
    informed,
    header: withoutUndefined({ text: header.text, html: header.html }),
    description: withoutUndefined(pickTexts(a.descriptionText)),
    ...(mercury?.humanReadableActivePeriod
      ? withoutUndefined({ humanReadablePeriod: pickTexts(mercury.humanReadableActivePeriod).text })
      : {}),
    planned: alertType?.startsWith("Planned") ?? false,
    agency: agencyOf(informed),
  };
}

function toInformed(e: AlertObject["informedEntity"][number]): InformedEntity {
  return withoutUndefined({
    agencyId: e.agencyId ?? undefined,
    routeId: e.routeId ?? undefined,
    stopId: e.stopId ?? undefined,
    sortOrder: e[".transit_realtime.mercuryEntitySelector"]?.sortOrder,
  });
}

function agencyOf(informed: InformedEntity[]): string | null {
  for (const e of informed) if (e.agencyId) return e.agencyId;
  for (const e of informed) if (e.sortOrder?.includes(":")) return e.sortOrder.split(":")[0];
  return null;
}

/** "en" (or untagged) is the plain text, "en-html" the HTML; other languages are ignored unless alone. */
function pickTexts(t: TranslatedObject | null | undefined): { text?: string; html?: string } {
  const translations = t?.translation ?? [];
  let text: string | undefined;
  let html: string | undefined;
  for (const { text: value, language } of translations) {
    const lang = (language ?? "").toLowerCase();
    if (lang === "en-html") html ??= value;
    else if (lang === "en" || lang === "") text ??= value;
  }
  text ??= translations.find((x) => !(x.language ?? "").toLowerCase().endsWith("html"))?.text;
  return { text, html };
}

function withoutUndefined<T extends object>(o: T): T {
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] === undefined) delete o[key];
  return o;
}
