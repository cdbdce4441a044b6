// Bands behind the lines, drawn straight onto uPlot's canvas between the axes and the series
// (its `drawAxes` hook): a reduced series' bucket min–max as one rectangle per bucket, a
// group's mean ± std as an area. Done by hand rather than as uPlot band series so the bands
// need no columns of their own in the aligned data, and a bucket is as wide as it really is.
import type uPlot from 'uplot';
import type { ChartBand } from './chart-model';

/** `#rrggbb` at `alpha` in [0, 1]. */
export function withAlpha(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
}

const STEP_ALPHA = 0.16;
const AREA_ALPHA = 0.12;

export function drawBands(u: uPlot, bands: ChartBand[]): void {
  if (bands.length === 0) return;
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const px = (v: number) => u.valToPos(v, 'x', true);
  const py = (v: number) => u.valToPos(v, 'y', true);
  // At least a device pixel, so a one-bucket spike on a wide range still shows.
  const minSize = Math.max(1, devicePixelRatio);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (const band of bands) {
    const path = new Path2D();
    if (band.kind === 'steps') {
      for (let j = 0; j < band.x.length; j++) {
        const x0 = px(band.x[j]!);
        const x1 = px(band.x[j]! + band.width);
        if (x1 < left || x0 > left + width) continue;
        const yHi = py(band.hi[j]!);
        const yLo = py(band.lo[j]!);
        path.rect(x0, yHi, Math.max(minSize, x1 - x0), Math.max(minSize, yLo - yHi));
      }
      ctx.fillStyle = withAlpha(band.color, STEP_ALPHA);
    } else {
      if (band.x.length === 0) continue;
      path.moveTo(px(band.x[0]!), py(band.hi[0]!));
      for (let j = 1; j < band.x.length; j++) path.lineTo(px(band.x[j]!), py(band.hi[j]!));
      for (let j = band.x.length - 1; j >= 0; j--) path.lineTo(px(band.x[j]!), py(band.lo[j]!));
      path.closePath();
      ctx.fillStyle = withAlpha(band.color, AREA_ALPHA);
    }
    ctx.fill(path);
  }
  ctx.restore();
}
