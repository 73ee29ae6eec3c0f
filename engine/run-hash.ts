import { stableStringify } from "./stable-json";

/**
 * A rolling 64-bit FNV-1a hash (two 32-bit lanes) over (engine time, output
 * name, value) of every output tick: two runs agree tick for tick exactly
 * when their hashes agree.
 */
export class RunHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;
  ticks = 0;

  update(time: number, name: string, value: unknown): void {
    this.mix(`${time}|${name}|${stableStringify(value)}\n`);
    this.ticks++;
  }

  private mix(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0");
  }
}
