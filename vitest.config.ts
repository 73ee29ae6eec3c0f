import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "engine/**/*.test.ts",
      "adapters/**/*.test.ts",
      "transit/**/*.test.ts",
      "server/**/*.test.ts",
      "scripts/**/*.test.ts",
      "demo/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "./scripts/vitest-summary.ts"],
  },
});
