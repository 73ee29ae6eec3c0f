/** Types of build.mjs (plain JavaScript so e2e/run.mjs runs without tsx). */
export function ensureBuild(): void;
