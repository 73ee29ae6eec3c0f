/** Short names riders understand for the feed ids of adapters/feeds.ts. */
const NAMES: Record<string, string> = {
  "subway-1234567s": "1-7 & S",
  "alerts-subway": "Alerts",
  outages: "Elevators",
  "gbfs-discovery": "Citi Bike index",
  "gbfs-station-information": "Bike stations",
  "gbfs-station-status": "Bike status",
  "gbfs-system-regions": "Bike regions",
};

export function feedLabel(id: string): string {
  if (NAMES[id]) return NAMES[id];
  if (id.startsWith("subway-")) return id.slice(7).toUpperCase();
  return id;
}
