/**
 * The Mercury alerts feed ("alerts-subway") at one instant: the alerts shown
 * then, each with its routes and stations (Mercury sort orders), both
 * translations, and the Mercury extension fields.
 */
import type {
  AlertsFeedMessageObject,
  MercuryEntitySelectorObject,
  TranslatedStringObject,
} from "../../adapters/gtfsrt/objects";
import type { AlertSpec } from "./alert-specs";
import { type DayClock, epochS } from "./clock";

const AGENCY = "MTASBWY";

function translated(plain: string, html: string): TranslatedStringObject {
  return {
    translation: [
      { text: plain, language: "en" },
      { text: html, language: "en-html" },
    ],
  };
}

function selectors(spec: AlertSpec): MercuryEntitySelectorObject[] {
  const routes = spec.routeIds.map((routeId) => ({
    agencyId: AGENCY,
    routeId,
    // agency:route:priority, as the MTA packs it.
    ".transit_realtime.mercuryEntitySelector": {
      sortOrder: `${AGENCY}:${routeId}:${spec.alertType.startsWith("Planned") ? 10 : 20}`,
    },
  }));
  const stops = spec.stopIds.map((stopId) => ({ agencyId: AGENCY, stopId }));
  return [...routes, ...stops];
}

export function alertsMessage(
  specs: readonly AlertSpec[],
  t: number,
  headerTime: number,
  clock: DayClock,
): AlertsFeedMessageObject {
  const entity: NonNullable<AlertsFeedMessageObject["entity"]> = [];
  for (const spec of specs) {
    if (t < spec.shown[0] || t >= spec.shown[1]) continue;
    const current = spec.texts.filter((x) => x.from <= t).at(-1) ?? spec.texts[0];
    entity.push({
      id: spec.id,
      alert: {
        activePeriod: spec.active.map(([from, to]) =>
          to === undefined
            ? { start: epochS(clock, from) }
            : { start: epochS(clock, from), end: epochS(clock, to) },
        ),
        informedEntity: selectors(spec),
        headerText: translated(current.header, current.headerHtml),
        ...(current.description
          ? {
              descriptionText: translated(
                current.description,
                current.descriptionHtml ?? current.description,
              ),
            }
          : {}),
        ".transit_realtime.mercuryAlert": {
          createdAt: epochS(clock, spec.createdAt),
          updatedAt: epochS(clock, current.from),
          alertType: spec.alertType,
          ...(spec.displayBeforeActiveS !== undefined
            ? { displayBeforeActive: spec.displayBeforeActiveS }
            : {}),
          ...(spec.humanPeriod
            ? { humanReadableActivePeriod: { translation: [{ text: spec.humanPeriod, language: "en" }] } }
            : {}),
        },
      },
    });
  }
  return {
    header: {
      gtfsRealtimeVersion: "1.0",
      incrementality: "FULL_DATASET",
      timestamp: epochS(clock, headerTime),
      ".transit_realtime.mercuryFeedHeader": { mercuryVersion: "1.0" },
    },
    entity,
  };
}
