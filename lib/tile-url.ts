/**
 * The map's tile URL, read on the server at request time (so one build works
 * with any TILE_URL): TILE_URL (the server's config), else
 * NEXT_PUBLIC_TILE_URL, else OpenStreetMap. "none" or "" means no tiles: the
 * map is drawn on a plain background (offline use, tests).
 */
export const DEFAULT_TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";

export function tileUrlFromEnv(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.TILE_URL ?? env.NEXT_PUBLIC_TILE_URL ?? DEFAULT_TILE_URL;
  const v = raw.trim();
  return v === "" || v.toLowerCase() === "none" ? null : v;
}
