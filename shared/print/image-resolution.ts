import type { PrintLayout } from '../model/workspace.js';

const MM_PER_INCH = 25.4;

/** Width of one text column, and of the whole text area, in millimetres. */
export function columnWidthMm(layout: PrintLayout): number {
  return (textWidthMm(layout) - (layout.columns - 1) * layout.gutterMm) / layout.columns;
}

export function textWidthMm(layout: PrintLayout): number {
  return layout.trimWidthMm - layout.marginInsideMm - layout.marginOutsideMm;
}

export interface PrintResolution {
  /** Pixels per inch once the picture is placed at its print width. */
  ppi: number;
  placedWidthMm: number;
  /** Pixels the picture needs across to reach the profile's minimum. */
  neededWidthPx: number;
  ok: boolean;
}

/**
 * How sharp a picture will print: a figure spans one column, a wide one the whole text area.
 * Layout may place it otherwise; this is the editor's early warning.
 */
export function printResolution(pixelWidth: number, layout: PrintLayout, wide: boolean): PrintResolution {
  const placedWidthMm = wide ? textWidthMm(layout) : columnWidthMm(layout);
  const ppi = pixelWidth / (placedWidthMm / MM_PER_INCH);
  const neededWidthPx = Math.ceil((placedWidthMm / MM_PER_INCH) * layout.minImagePpi);
  return { ppi: Math.round(ppi), placedWidthMm: Math.round(placedWidthMm * 10) / 10, neededWidthPx, ok: ppi >= layout.minImagePpi };
}
