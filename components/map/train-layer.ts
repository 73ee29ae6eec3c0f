/**
 * Trains on the map: one canvas redrawn every animation frame. Each train is
 * carried along its line toward the next station (lib/train-motion) and eased
 * toward where the server puts it, so updates never make it jump. Canvas, not
 * DOM markers: hundreds of trains move every frame. A plain 2D canvas, not
 * the still layers' off-screen bitmap (bitmap-surface.ts): redrawn every
 * frame, handing over a new bitmap each time costs twice the main-thread
 * time of letting Chromium rasterize the canvas itself (measured).
 *
 * Drawn so colour is not the only signal: the line's letter is in the dot
 * (at readable zooms), a stalled train is a square, a delayed one has a ring.
 */
import L from "leaflet";
import { type LatLon, type TrackGeometry, trainPosition } from "../../lib/train-motion";
import type { TrainView } from "../../transit/contract";

export interface RouteColors {
  bg: string;
  fg: string;
}

interface Tracked {
  train: TrainView;
  /** Engine time the server placed the train (the message's time). */
  placedAt: number;
  shown: [number, number] | null;
}

/** ~1 km: further than this, jump instead of gliding (a seek, a new routing). */
const SNAP_DEG = 0.01;
const EASE_MS = 250;
const DELAYED_SEC = 300;

export class TrainCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame = 0;
  private lastFrameAt = 0;
  private readonly tracked = new Map<string, Tracked>();
  private hiddenForZoom = false;
  /** Frames drawn since the layer was added (the frame-rate benchmark reads it). */
  framesDrawn = 0;

  constructor(
    private readonly geo: TrackGeometry,
    private readonly colors: (route: string) => RouteColors,
    private readonly engineNow: () => number | null,
    private readonly paneName: string,
    /** Bigger dots for wall screens read from afar. */
    private readonly scale = 1,
  ) {
    super();
  }

  /** New trains from the server; `t` is the engine time of the message. */
  setTrains(trains: readonly TrainView[], t: number): void {
    const seen = new Set<string>();
    for (const train of trains) {
      seen.add(train.tripKey);
      const cur = this.tracked.get(train.tripKey);
      if (!cur) this.tracked.set(train.tripKey, { train, placedAt: t, shown: null });
      else if (cur.train !== train) {
        cur.train = train;
        cur.placedAt = t;
      }
    }
    for (const k of this.tracked.keys()) if (!seen.has(k)) this.tracked.delete(k);
  }

  get count(): number {
    return this.tracked.size;
  }

  /** Where each train is drawn now (tests check that they move). */
  positions(): Array<{ tripKey: string; route: string; lat: number; lon: number }> {
    return [...this.tracked.values()].map((x) => ({
      tripKey: x.train.tripKey,
      route: x.train.route,
      lat: x.shown?.[0] ?? x.train.lat,
      lon: x.shown?.[1] ?? x.train.lon,
    }));
  }

  /** The train drawn nearest a container point, within `px`. */
  trainAt(point: L.Point, px = 10): TrainView | null {
    const map = this._map;
    if (!map) return null;
    let best: TrainView | null = null;
    let bestD = px;
    for (const x of this.tracked.values()) {
      if (!x.shown) continue;
      const p = map.latLngToContainerPoint(x.shown);
      const d = p.distanceTo(point);
      if (d <= bestD) {
        bestD = d;
        best = x.train;
      }
    }
    return best;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create("canvas", "train-canvas leaflet-zoom-hide");
    canvas.style.pointerEvents = "none";
    canvas.setAttribute("aria-hidden", "true");
    (map.getPane(this.paneName) ?? map.getPanes().overlayPane).appendChild(canvas);
    this.canvas = canvas;
    map.on("move zoom resize viewreset", this.reset, this);
    map.on("zoomanim", this.hide, this);
    map.on("zoomend", this.show, this);
    this.reset();
    this.frame = requestAnimationFrame(this.tick);
    return this;
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.frame);
    map.off("move zoom resize viewreset", this.reset, this);
    map.off("zoomanim", this.hide, this);
    map.off("zoomend", this.show, this);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  private hide(): void {
    this.hiddenForZoom = true;
    if (this.canvas) this.canvas.style.visibility = "hidden";
  }

  private show(): void {
    this.hiddenForZoom = false;
    if (this.canvas) this.canvas.style.visibility = "";
    this.reset();
  }

  private reset(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
  }

  private readonly tick = (at: number) => {
    this.frame = requestAnimationFrame(this.tick);
    const dt = this.lastFrameAt ? Math.min(1000, at - this.lastFrameAt) : 0;
    this.lastFrameAt = at;
    if (!this.hiddenForZoom) this.draw(dt);
  };

  private draw(dt: number): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const now = this.engineNow();
    const zoom = map.getZoom();
    const r = (zoom >= 13 ? 9 : zoom >= 11.5 ? 7 : 5) * this.scale;
    const ease = dt > 0 ? 1 - Math.exp(-dt / EASE_MS) : 1;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.font = `700 ${Math.round(r * 1.25)}px system-ui, sans-serif`;
    for (const x of this.tracked.values()) {
      const target: LatLon =
        now === null ? [x.train.lat, x.train.lon] : trainPosition(this.geo, x.train, x.placedAt, now);
      if (!x.shown || Math.abs(x.shown[0] - target[0]) + Math.abs(x.shown[1] - target[1]) > SNAP_DEG)
        x.shown = [target[0], target[1]];
      else {
        x.shown[0] += (target[0] - x.shown[0]) * ease;
        x.shown[1] += (target[1] - x.shown[1]) * ease;
      }
      const p = map.latLngToContainerPoint(x.shown);
      const c = this.colors(x.train.route);
      ctx.beginPath();
      if (x.train.stalled) ctx.rect(p.x - r, p.y - r, 2 * r, 2 * r);
      else ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      ctx.fillStyle = c.bg;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
      if (x.train.stalled || x.train.delaySec >= DELAYED_SEC) {
        ctx.beginPath();
        if (x.train.stalled) ctx.rect(p.x - r - 3, p.y - r - 3, 2 * r + 6, 2 * r + 6);
        else ctx.arc(p.x, p.y, r + 3, 0, Math.PI * 2);
        ctx.lineWidth = 2;
        ctx.strokeStyle = x.train.stalled ? "#ef5a45" : "#f0b429";
        ctx.stroke();
      }
      if (r >= 7) {
        ctx.fillStyle = c.fg;
        ctx.fillText(x.train.route.replace(/X$/, ""), p.x, p.y + 0.5);
      }
    }
    this.framesDrawn++;
  }
}
