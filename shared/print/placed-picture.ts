/**
 * The size of picture file a page asks for, once the box a template gives a picture is known.
 * Widths are rounded up to 50 px so pages share cached copies. A picture the template crops to fill
 * its box (object-fit: cover) is asked for already cut to the box's shape: Chromium then prints the
 * file as it is, where a picture it must crop is decoded and re-encoded into the PDF (8 s for nine
 * full pages, against 0.4 s).
 */
export interface PictureRequest {
  width: number;
  /** Set when the desk cuts the picture to the box's shape; the page then shows it unscaled in shape (object-fit: fill). */
  height: number | null;
}

/** Shapes closer than this are treated as the same: a crop of a few pixels is not worth a new file. */
const SAME_SHAPE = 0.002;
const FALLBACK_WIDTH = 400;

export function placedPictureRequest(box: { widthMm: number; heightMm: number }, picture: { width: number; height: number }, fit: string, ppi: number): PictureRequest {
  const px = (mm: number) => Math.ceil(((mm / 25.4) * ppi) / 50) * 50;
  if (!(box.widthMm > 0 && box.heightMm > 0) || !(picture.width > 0 && picture.height > 0)) return { width: FALLBACK_WIDTH, height: null };
  const aspect = picture.width / picture.height;
  const boxAspect = box.widthMm / box.heightMm;
  if (fit === 'cover' && Math.abs(aspect / boxAspect - 1) > SAME_SHAPE) {
    const width = px(box.widthMm);
    return { width, height: Math.round(width / boxAspect) };
  }
  // contain: the picture fits inside the box; fill and the rest: it takes the box's width.
  const shown = fit === 'contain' ? Math.min(box.widthMm, box.heightMm * aspect) : Math.max(box.widthMm, fit === 'cover' ? box.heightMm * aspect : 0);
  return { width: px(shown), height: null };
}
