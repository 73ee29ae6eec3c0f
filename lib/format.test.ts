import { describe, expect, it } from "vitest";
import { byteSize } from "./format";

describe("byteSize", () => {
  it("writes bytes under a kilobyte, whole kilobytes under a megabyte, then megabytes", () => {
    expect(
      [0, 312, 1023, 1024, 55 * 1024 + 300, 700 * 1024, 3 * 1024 * 1024 + 200_000].map(byteSize),
    ).toEqual(["0 B", "312 B", "1023 B", "1 KB", "55 KB", "700 KB", "3.2 MB"]);
  });
});
