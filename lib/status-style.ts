import type { StatusKind } from "../transit/contract";

/** CSS class and a small mark per status; the word itself is always shown too. */
export const STATUS_STYLE: Record<StatusKind, { cls: string; mark: string }> = {
  Delays: { cls: "st-delays", mark: "▲" },
  "Service change": { cls: "st-change", mark: "↻" },
  Slow: { cls: "st-slow", mark: "◔" },
  "Long gaps": { cls: "st-gaps", mark: "↔" },
  "No service": { cls: "st-none", mark: "–" },
  "Good service": { cls: "st-good", mark: "✓" },
  "Not scheduled": { cls: "st-notsched", mark: "–" },
  "No data": { cls: "st-nodata", mark: "?" },
};

export const statusStyle = (s: string) => STATUS_STYLE[s as StatusKind] ?? { cls: "st-nodata", mark: "?" };
