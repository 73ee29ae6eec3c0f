/** Route colours: routes.txt's, else the MTA's published ones, else grey; text colour by contrast. */

/** Routes the MTA publishes without a colour in routes.txt (shuttles, the Staten Island Railway). */
const KNOWN: Record<string, string> = {
  FS: "#808183",
  GS: "#808183",
  H: "#808183",
  SI: "#1D2E86",
  SIR: "#1D2E86",
};
const FALLBACK = "#808183";

function normalize(hex: string | undefined): string | null {
  if (!hex) return null;
  const h = hex.trim().replace(/^#/, "");
  return /^[0-9a-fA-F]{6}$/.test(h) ? `#${h.toUpperCase()}` : null;
}

export function routeColor(routeId: string, given: string | undefined): string {
  return normalize(given) ?? KNOWN[routeId] ?? FALLBACK;
}

/**
 * The given text colour, else white when it reaches WCAG's 3:1 contrast for
 * large text on the background (as the MTA's bullets use white on red,
 * blue, green...), else black (yellow, lime).
 */
export function routeTextColor(background: string, given: string | undefined): string {
  const g = normalize(given);
  if (g) return g;
  const lin = (i: number) => {
    const c = Number.parseInt(background.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin(1) + 0.7152 * lin(3) + 0.0722 * lin(5);
  return 1.05 / (lum + 0.05) >= 3 ? "#FFFFFF" : "#000000";
}
