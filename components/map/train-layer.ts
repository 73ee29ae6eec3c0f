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
 *
 * A frame allocates next to nothing: each train's leg of track is resolved
 * when the server moves it, and each look (line, state, size) is drawn once
 * into a sprite that frames copy. Paths, strokes and text rasterized for 200+
 * trains per frame cost several milliseconds in a software-rendered canvas.
 */
import L from "leaflet";
import { type Leg, placeTrain, type TrackGeometry, trainLeg } from "../../lib/train-motion";
import type { TrainView } from "../../transit/contract";

export interface RouteColors {
  bg: string;
  fg: string;
}

interface Tracked {
  train: TrainView;
  /** Engine time the server placed the train (the message's time). */
  placedAt: number;
  /** Where the train runs until its next update (trainLeg); resolved with the update. */
  leg: Leg | null;
  /** Where it would be now, and where it is drawn (eased toward the target); [NaN, NaN] before the first frame. */
  target: [number, number];
  shown: [number, number];
}

type Look = "moving" | "late" | "stalled";

/** A train's look drawn once, copied by every frame; `half` is its centre, in device pixels. */
interface Sprite {
  image: HTMLCanvasElement;
  half: number;
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
      if (!cur)
        this.tracked.set(train.tripKey, {
          train,
          placedAt: t,
          leg: trainLeg(this.geo, train),
          target: [Number.NaN, Number.NaN],
          shown: [Number.NaN, Number.NaN],
        });
      else if (cur.train !== train) {
        const moved =
          cur.train.route !== train.route ||
          cur.train.lastStationId !== train.lastStationId ||
          cur.train.nextStationId !== train.nextStationId ||
          cur.train.atStation !== train.atStation ||
          cur.train.stalled !== train.stalled;
        cur.train = train;
        cur.placedAt = t;
        if (moved) cur.leg = trainLeg(this.geo, train);
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
      lat: Number.isNaN(x.shown[0]) ? x.train.lat : x.shown[0],
      lon: Number.isNaN(x.shown[1]) ? x.train.lon : x.shown[1],
    }));
  }

  /** The train drawn nearest a container point, within `px`. */
  trainAt(point: L.Point, px = 10): TrainView | null {
    const map = this._map;
    if (!map) return null;
    let best: TrainView | null = null;
    let bestD = px;
    for (const x of this.tracked.values()) {
      if (Number.isNaN(x.shown[0])) continue;
      const p = map.latLngToContainerPoint(x.shown as [number, number]);
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
    // Sprites are copied in device pixels, at whole pixels (a copy, no resampling).
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const now = this.engineNow();
    const zoom = map.getZoom();
    const r = (zoom >= 13 ? 9 : zoom >= 11.5 ? 7 : 5) * this.scale;
    const ease = dt > 0 ? 1 - Math.exp(-dt / EASE_MS) : 1;
    // Container pixels of a point: its projection at this zoom less the container's top-left.
    const topLeft = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
    const crs = map.options.crs ?? L.CRS.EPSG3857;
    const at = this.at;
    for (const x of this.tracked.values()) {
      const { train, target, shown } = x;
      if (now === null) {
        target[0] = train.lat;
        target[1] = train.lon;
      } else placeTrain(train, x.leg, x.placedAt, now, target);
      if (
        Number.isNaN(shown[0]) ||
        Math.abs(shown[0] - target[0]) + Math.abs(shown[1] - target[1]) > SNAP_DEG
      ) {
        shown[0] = target[0];
        shown[1] = target[1];
      } else {
        shown[0] += (target[0] - shown[0]) * ease;
        shown[1] += (target[1] - shown[1]) * ease;
      }
      at.lat = shown[0];
      at.lng = shown[1];
      const p = crs.latLngToPoint(at, zoom);
      const look: Look = train.stalled ? "stalled" : train.delaySec >= DELAYED_SEC ? "late" : "moving";
      const sprite = this.sprite(train.route, look, r, ratio);
      ctx.drawImage(
        sprite.image,
        Math.round((p.x - topLeft.x) * ratio) - sprite.half,
        Math.round((p.y - topLeft.y) * ratio) - sprite.half,
      );
    }
    this.framesDrawn++;
  }

  /** Reused for every train's projection. */
  private readonly at = L.latLng(0, 0);
  private readonly sprites = new Map<string, Sprite>();

  private sprite(route: string, look: Look, r: number, ratio: number): Sprite {
    const key = `${route} ${look} ${r} ${ratio}`;
    let s = this.sprites.get(key);
    if (!s) {
      s = drawSprite(this.colors(route), route.replace(/X$/, ""), look, r, ratio);
      this.sprites.set(key, s);
    }
    return s;
  }
}

/** One train's look: a dot (a square when stalled) in the line's colour, a ring when late or stalled, the letter. */
function drawSprite(c: RouteColors, label: string, look: Look, r: number, ratio: number): Sprite {
  const half = Math.ceil((r + 5) * ratio);
  const image = document.createElement("canvas");
  image.width = image.height = 2 * half;
  const ctx = image.getContext("2d")!;
  ctx.setTransform(ratio, 0, 0, ratio, half, half);
  ctx.beginPath();
  if (look === "stalled") ctx.rect(-r, -r, 2 * r, 2 * r);
  else ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.fillStyle = c.bg;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = "#ffffff";
  ctx.stroke();
  if (look !== "moving") {
    ctx.beginPath();
    if (look === "stalled") ctx.rect(-r - 3, -r - 3, 2 * r + 6, 2 * r + 6);
    else ctx.arc(0, 0, r + 3, 0, Math.PI * 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = look === "stalled" ? "#ef5a45" : "#f0b429";
    ctx.stroke();
  }
  if (r >= 7) {
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.font = `700 ${Math.round(r * 1.25)}px system-ui, sans-serif`;
    ctx.fillStyle = c.fg;
    ctx.fillText(label, 0, 0.5);
  }
  return { image, half };
}
