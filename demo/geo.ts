/** Great-circle distance and small offsets on the ground, good enough for a city. */
const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

/** The point `meters` away from (lat, lon) toward `bearingRad` (0 = north), flat-earth approximation. */
export function offsetM(lat: number, lon: number, meters: number, bearingRad: number): [number, number] {
  const dLat = (meters * Math.cos(bearingRad)) / EARTH_RADIUS_M / RAD;
  const dLon = (meters * Math.sin(bearingRad)) / (EARTH_RADIUS_M * Math.cos(lat * RAD)) / RAD;
  return [lat + dLat, lon + dLon];
}
