/**
 * CRC-32 (IEEE 802.3, the one zip and PNG use), table-driven.
 * Node 20 has no zlib.crc32, and the recording format and the test zip writer
 * both need it. Slicing-by-4: four tables let the loop consume four bytes per
 * step, which roughly triples throughput over the one-table version; the
 * reader checks every frame, so this is on the replay hot path.
 */
const TABLES: Uint32Array[] = buildTables();

function buildTables(): Uint32Array[] {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let t = 1; t < 4; t++) {
    const prev = tables[t - 1];
    const next = new Uint32Array(256);
    for (let n = 0; n < 256; n++) next[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(next);
  }
  return tables;
}

/** CRC-32 of bytes[start, end); pass a previous result as `seed` to continue a running CRC. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  const [t0, t1, t2, t3] = TABLES;
  let crc = ~seed >>> 0;
  let i = start;
  for (const stop = end - 3; i < stop; i += 4) {
    crc ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    crc = t3[crc & 0xff] ^ t2[(crc >>> 8) & 0xff] ^ t1[(crc >>> 16) & 0xff] ^ t0[crc >>> 24];
  }
  for (; i < end; i++) crc = t0[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
