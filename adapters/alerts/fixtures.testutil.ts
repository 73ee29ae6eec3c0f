/**
 * Test-only: one small alerts feed written twice by hand, as the protobuf
 * object form (camelCase) and as the MTA's `.json` form (snake_case,
 * extensions under "transit_realtime.mercury_*"), saying the same thing.
 */
import type { AlertsFeedMessageObject } from "../gtfsrt/objects";

export const FEED_TS = 1_759_414_800;

export const alertsObject: AlertsFeedMessageObject = {
  header: {
    gtfsRealtimeVersion: "1.0",
    incrementality: "FULL_DATASET",
    timestamp: FEED_TS,
    ".transit_realtime.mercuryFeedHeader": { mercuryVersion: "1.0" },
  },
  entity: [
    {
      id: "lmm:planned_work:24522",
      alert: {
        activePeriod: [
          { start: 1759536000, end: 1759550400 },
          { start: 1759622400 }, // open-ended
        ],
        informedEntity: [
          {
            agencyId: "MTASBWY",
            routeId: "A",
            ".transit_realtime.mercuryEntitySelector": { sortOrder: "MTASBWY:A:20" },
          },
          {
            agencyId: "MTASBWY",
            stopId: "A15",
            ".transit_realtime.mercuryEntitySelector": { sortOrder: "MTASBWY:A15:20" },
          },
        ],
        headerText: {
          translation: [
            { text: "[A] No trains between 59 St and 125 St", language: "en" },
            {
              text: "<p>[A] No trains between <b>59 St</b> and 125 St</p><script>x()</script>",
              language: "en-html",
            },
          ],
        },
        descriptionText: {
          translation: [
            { text: "Take the [D] instead.", language: "en" },
            { text: "<p>Take the [D] instead.</p>", language: "en-html" },
          ],
        },
        ".transit_realtime.mercuryAlert": {
          createdAt: 1759300000,
          updatedAt: 1759310000,
          alertType: "Planned - Part Suspended",
          displayBeforeActive: 3600,
          humanReadableActivePeriod: {
            translation: [{ text: "Oct 3 - 4, Fri 10 PM to Sat 5 AM", language: "en" }],
          },
        },
      },
    },
    {
      id: "lmm:alert:98765",
      alert: {
        activePeriod: [{ start: 1759414000 }],
        informedEntity: [
          {
            agencyId: "MTASBWY",
            routeId: "F",
            ".transit_realtime.mercuryEntitySelector": { sortOrder: "MTASBWY:F:10" },
          },
        ],
        headerText: { translation: [{ text: "[F] trains are delayed", language: "en" }] },
        ".transit_realtime.mercuryAlert": {
          createdAt: 1759413900,
          updatedAt: 1759414100,
          alertType: "Delays",
        },
      },
    },
  ],
};

export const alertsJson = JSON.stringify({
  header: {
    gtfs_realtime_version: "1.0",
    incrementality: "FULL_DATASET",
    timestamp: FEED_TS,
    "transit_realtime.mercury_feed_header": { mercury_version: "1.0" },
  },
  entity: [
    {
      id: "lmm:planned_work:24522",
      alert: {
        active_period: [{ start: 1759536000, end: 1759550400 }, { start: 1759622400 }],
        informed_entity: [
          {
            agency_id: "MTASBWY",
            route_id: "A",
            "transit_realtime.mercury_entity_selector": { sort_order: "MTASBWY:A:20" },
          },
          {
            agency_id: "MTASBWY",
            stop_id: "A15",
            "transit_realtime.mercury_entity_selector": { sort_order: "MTASBWY:A15:20" },
          },
        ],
        header_text: {
          translation: [
            { text: "[A] No trains between 59 St and 125 St", language: "en" },
            {
              text: "<p>[A] No trains between <b>59 St</b> and 125 St</p><script>x()</script>",
              language: "en-html",
            },
          ],
        },
        description_text: {
          translation: [
            { text: "Take the [D] instead.", language: "en" },
            { text: "<p>Take the [D] instead.</p>", language: "en-html" },
          ],
        },
        "transit_realtime.mercury_alert": {
          created_at: 1759300000,
          updated_at: 1759310000,
          alert_type: "Planned - Part Suspended",
          display_before_active: 3600,
          human_readable_active_period: {
            translation: [{ text: "Oct 3 - 4, Fri 10 PM to Sat 5 AM", language: "en" }],
          },
        },
      },
    },
    {
      id: "lmm:alert:98765",
      alert: {
        active_period: [{ start: 1759414000 }],
        informed_entity: [
          {
            agency_id: "MTASBWY",
            route_id: "F",
            "transit_realtime.mercury_entity_selector": { sort_order: "MTASBWY:F:10" },
          },
        ],
        header_text: { translation: [{ text: "[F] trains are delayed", language: "en" }] },
        "transit_realtime.mercury_alert": {
          created_at: 1759413900,
          updated_at: 1759414100,
          alert_type: "Delays",
        },
      },
    },
  ],
});
