/** A GTFS colour ("EE352E" or "#EE352E") as CSS. */
export const cssColor = (c: string) => `#${c.replace(/^#/, "")}`;

/** The cards' background (--panel in app/globals.css), behind every chart. */
export const PANEL_BACKGROUND = "#172029";

/** WCAG's minimum contrast for graphics (a chart's line against its background). */
const MIN_GRAPHIC_CONTRAST = 3;

const channels = (hex: string) => {
  const h = hex.replace(/^#/, "");
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
};

/** WCAG relative luminance of a #RRGGBB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #RRGGBB colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The route colour for a line drawn on a card: as it is when it stands out from the card, else mixed
 * with white just enough that it does (the 8 Av blue and the Staten Island navy vanish on the dark
 * panel). Bullets and the map keep the MTA's own colours.
 */
export function chartStroke(color: string, background = PANEL_BACKGROUND): string {
  const base = cssColor(color);
  const rgb = channels(base);
  for (let white = 0; white <= 1; white += 0.05) {
    const mixed = `#${rgb
      .map((c) =>
        Math.round(c + (255 - c) * white)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
    if (contrast(mixed, background) >= MIN_GRAPHIC_CONTRAST) return mixed;
  }
  return "#ffffff";
}
