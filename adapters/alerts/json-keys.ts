/**
 * The alerts `.json` endpoint writes proto field names in snake_case and
 * extensions as "transit_realtime.mercury_alert"; protobufjs objects use
 * camelCase and ".transit_realtime.mercuryAlert". Renaming the keys lets one
 * schema serve both.
 */
const EXTENSION_PREFIX = "transit_realtime.";

export function camelCaseKeys(value: unknown, depth = 0): unknown {
  if (depth > 64) return value; // far deeper than any feed: leave it for the schema to reject
  if (Array.isArray(value)) return value.map((v) => camelCaseKeys(v, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[camelKey(key)] = camelCaseKeys(v, depth + 1);
  return out;
}

function camelKey(key: string): string {
  if (key.startsWith(EXTENSION_PREFIX))
    return `.${EXTENSION_PREFIX}${camel(key.slice(EXTENSION_PREFIX.length))}`;
  return camel(key);
}

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
