/** " · empty in ~12 min" after a dock's state, a warning when soon (lib/bike-outlook.ts); nothing without one. */
import { bikeOutlook } from "../lib/bike-outlook";

export function BikeOutlook({ dock }: { dock: Parameters<typeof bikeOutlook>[0] }) {
  const o = bikeOutlook(dock);
  if (!o) return null;
  return (
    <span className={o.soon ? "bike-outlook soon" : "bike-outlook"} data-testid="bike-outlook">
      {" "}
      · {o.text}
    </span>
  );
}
