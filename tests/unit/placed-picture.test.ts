import { describe, expect, it } from 'vitest';
import { placedPictureRequest } from '../../shared/print/placed-picture.js';

const A4_BLEED = { widthMm: 216, heightMm: 303 };
const LANDSCAPE = { width: 2400, height: 1600 };

describe('the picture file a placed picture asks for', () => {
  it('cuts a picture the template crops to the box’s own shape, at the resolution asked', () => {
    const request = placedPictureRequest(A4_BLEED, LANDSCAPE, 'cover', 300);
    // 216 mm at 300 ppi is 2,551 px, rounded up to 2,600; the height keeps the page's shape.
    expect(request).toEqual({ width: 2600, height: Math.round(2600 * (303 / 216)) });
  });

  it('asks for the whole picture when it already has the box’s shape, wide enough for the box', () => {
    expect(placedPictureRequest({ widthMm: 150, heightMm: 100 }, LANDSCAPE, 'cover', 300)).toEqual({ width: 1800, height: null });
  });

  it('fits a contained picture inside its box, and a filled one to the box’s width', () => {
    // 100 × 100 mm box, 3:2 picture: shown 100 mm wide when contained.
    expect(placedPictureRequest({ widthMm: 100, heightMm: 100 }, LANDSCAPE, 'contain', 120)).toEqual({ width: 500, height: null });
    expect(placedPictureRequest({ widthMm: 100, heightMm: 30 }, LANDSCAPE, 'fill', 120)).toEqual({ width: 500, height: null });
  });

  it('still asks for something sensible when the box or the picture has no size', () => {
    expect(placedPictureRequest({ widthMm: 0, heightMm: 0 }, LANDSCAPE, 'cover', 300)).toEqual({ width: 400, height: null });
    expect(placedPictureRequest(A4_BLEED, { width: 0, height: 0 }, 'cover', 300)).toEqual({ width: 400, height: null });
  });
});
