/**
 * Leaflet's canvas renderer for the map's still layers (lines, bike
 * stations, stations), drawn off-screen and shown through a BitmapSurface so
 * that the animated trains above it do not make the browser hand these
 * pixels to the compositor again every frame (see bitmap-surface.ts).
 *
 * One renderer holds every still layer, each path placed in the draw order
 * by its rank (lines under bike stations under stations), so there is one
 * canvas to composite, and Leaflet's own hit testing (tooltips, clicks)
 * finds the topmost path across all of them.
 *
 * This reaches into Leaflet 1.9's canvas renderer: `_initContainer`,
 * `_update` and `_redraw` are its internals, kept as they are but for where
 * the pixels go.
 */
import L from "leaflet";
import { BitmapSurface } from "./bitmap-surface";

interface DrawOrder {
  layer: L.Path;
  prev: DrawOrder | null;
  next: DrawOrder | null;
}

/** The parts of Leaflet's canvas renderer used here (Leaflet 1.9, src/layer/vector/Canvas.js). */
interface CanvasInternals {
  _map: L.Map & { _animatingZoom?: boolean };
  _bounds: L.Bounds;
  _container: HTMLCanvasElement;
  _ctx: CanvasRenderingContext2D;
  _drawFirst: DrawOrder | null;
  _drawLast: DrawOrder | null;
  _onMouseMove(e: MouseEvent): void;
  _onClick(e: MouseEvent): void;
  _handleMouseOut(e: MouseEvent): void;
  _initPath(layer: L.Path): void;
  _redraw(): void;
  onAdd(map: L.Map): unknown;
}

const leafletCanvas = L.Canvas.prototype as unknown as CanvasInternals;
const leafletRenderer = L.Renderer.prototype as unknown as { _update(): void };

export type Rank = (layer: L.Path) => number;

export class StillCanvas extends L.Canvas {
  private surface: BitmapSurface | null = null;

  constructor(
    options: L.RendererOptions,
    private readonly rank: Rank,
  ) {
    super(options);
  }

  private get internals(): CanvasInternals {
    return this as unknown as CanvasInternals;
  }

  /** As Leaflet's, but the visible element is the surface's and the context draws off-screen. */
  _initContainer(): void {
    const self = this.internals;
    const surface = new BitmapSurface("still-canvas");
    const el = surface.element;
    L.DomEvent.on(el, "mousemove", self._onMouseMove as L.DomEvent.EventHandlerFn, this);
    L.DomEvent.on(
      el,
      "click dblclick mousedown mouseup contextmenu",
      self._onClick as L.DomEvent.EventHandlerFn,
      this,
    );
    L.DomEvent.on(el, "mouseout", self._handleMouseOut as L.DomEvent.EventHandlerFn, this);
    (el as unknown as Record<string, unknown>)._leaflet_disable_events = true;
    el.setAttribute("aria-hidden", "true");
    this.surface = surface;
    self._container = el;
    self._ctx = surface.ctx as CanvasRenderingContext2D;
  }

  /** As Leaflet's, sizing the off-screen drawing with the element. */
  _update(): void {
    const self = this.internals;
    if (self._map._animatingZoom && self._bounds) return;
    leafletRenderer._update.call(this);
    const b = self._bounds;
    const min = b.min!; // always set by Renderer._update just above
    const size = b.getSize();
    const m = L.Browser.retina ? 2 : 1;
    L.DomUtil.setPosition(self._container, min);
    this.surface?.resize(m * size.x, m * size.y, size.x, size.y);
    if (m === 2) self._ctx.scale(2, 2);
    self._ctx.translate(-min.x, -min.y);
    this.fire("update");
  }

  _redraw(): void {
    leafletCanvas._redraw.call(this);
    this.surface?.present();
  }

  override onAdd(map: L.Map): this {
    leafletCanvas.onAdd.call(this, map);
    this.surface?.present();
    return this;
  }

  /** Leaflet appends each new path on top; move it under any path of a higher rank. */
  _initPath(layer: L.Path): void {
    const self = this.internals;
    leafletCanvas._initPath.call(this, layer);
    const order = self._drawLast;
    if (!order || order.layer !== layer) return;
    const r = this.rank(layer);
    let above = order.prev;
    if (!above || this.rank(above.layer) <= r) return;
    while (above.prev && this.rank(above.prev.layer) > r) above = above.prev;
    // Unlink from the end, then insert before `above`.
    self._drawLast = order.prev;
    if (order.prev) order.prev.next = null;
    order.prev = above.prev;
    order.next = above;
    if (above.prev) above.prev.next = order;
    else self._drawFirst = order;
    above.prev = order;
  }
}
