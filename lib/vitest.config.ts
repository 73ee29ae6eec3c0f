/**
 * Unit tests of the browser-side logic (no DOM needed): npx vitest run -c lib/vitest.config.ts
 * (the root vitest.config.ts does not list lib/ yet; the integrator may add "lib/**\/*.test.ts" there).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
  },
});
