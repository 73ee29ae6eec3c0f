/** Helpers shared by the recording tests and the crash-test child process (not used by the product). */

/** Deterministic pseudo-random bytes (xorshift32), so a test can regenerate what a child process wrote. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0 || 0x9e3779b9;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  for (; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Body of frame i in the crash test: small text frames, and every BIG_EVERY-th one large and incompressible. */
export const BIG_EVERY = 8;
export const BIG_BYTES = 32 * 1024 * 1024;
export function crashTestBody(i: number): Buffer {
  if (i % BIG_EVERY === BIG_EVERY - 1) return pseudoRandomBytes(BIG_BYTES, i + 1);
  return Buffer.from(`frame ${i};`.repeat(1 + (i % 37)));
}
