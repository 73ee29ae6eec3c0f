/**
 * A canvas for the map's still layers whose pixels are drawn off-screen and
 * reach the page as an ImageBitmap on a "bitmaprenderer" canvas.
 *
 * Why: with software compositing (headless Chromium, any machine without a
 * GPU) Chromium hands every visible 2D canvas of the page to the compositor
 * again on each frame in which anything animates, changed or not. The map's
 * still layers then cost as much per frame as the moving trains (about 1 ms
 * of main thread each at 1,500 x 1,260, and as much again compositing,
 * measured with a Chrome trace). A bitmap canvas is handed over only when a
 * new bitmap is given to it: once per redraw.
 *
 * Where OffscreenCanvas or "bitmaprenderer" is missing, the element is an
 * ordinary 2D canvas and the drawing goes straight to it.
 */

export type Surface2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export class BitmapSurface {
  readonly element: HTMLCanvasElement;
  /** Draw here; the drawing keeps its pixels between presents (redraws may be partial). */
  readonly ctx: Surface2D;
  private readonly drawing: OffscreenCanvas | null = null;
  private readonly bitmap: ImageBitmapRenderingContext | null = null;
  /** Where a present copies the drawing to before handing it over (a transfer empties its source). */
  private stage: OffscreenCanvas | null = null;

  constructor(className: string) {
    const el = document.createElement("canvas");
    el.className = className;
    this.element = el;
    const bitmap = typeof OffscreenCanvas === "undefined" ? null : el.getContext("bitmaprenderer");
    if (bitmap) {
      this.bitmap = bitmap;
      this.drawing = new OffscreenCanvas(1, 1);
      this.ctx = this.drawing.getContext("2d")!;
    } else this.ctx = el.getContext("2d")!;
  }

  get width(): number {
    return this.element.width;
  }

  get height(): number {
    return this.element.height;
  }

  /** Device pixels, and CSS pixels for the element. Like `canvas.width =`, it clears and resets the context. */
  resize(width: number, height: number, cssWidth: number, cssHeight: number): void {
    this.element.width = width;
    this.element.height = height;
    this.element.style.width = `${cssWidth}px`;
    this.element.style.height = `${cssHeight}px`;
    if (this.drawing) {
      this.drawing.width = width;
      this.drawing.height = height;
    }
  }

  /** Show what has been drawn so far. */
  present(): void {
    const drawing = this.drawing;
    const bitmap = this.bitmap;
    if (!drawing || !bitmap || drawing.width === 0 || drawing.height === 0) return;
    const stage = (this.stage ??= new OffscreenCanvas(drawing.width, drawing.height));
    if (stage.width !== drawing.width || stage.height !== drawing.height) {
      stage.width = drawing.width;
      stage.height = drawing.height;
    }
    stage.getContext("2d")!.drawImage(drawing, 0, 0);
    bitmap.transferFromImageBitmap(stage.transferToImageBitmap());
  }
}
