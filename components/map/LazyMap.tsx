"use client";
/** Leaflet needs a window: the map is loaded in the browser only, in its own chunk. */
import dynamic from "next/dynamic";

export const LazyMap = dynamic(() => import("./TransitMap"), {
  ssr: false,
  loading: () => <div className="map-placeholder">Loading the map…</div>,
});

/** Start fetching the map's chunk early (the kiosk does, so it has it if the server goes away). */
export const preloadMap = () => import("./TransitMap");
