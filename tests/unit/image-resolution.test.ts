import { describe, expect, it } from 'vitest';
import { PrintLayout } from '../../shared/model/workspace.js';
import { columnWidthMm, printResolution } from '../../shared/print/image-resolution.js';

const a4 = PrintLayout.parse({});

describe('print resolution of a picture', () => {
  it('places a figure in one column of the A4 three-column page (55 mm)', () => {
    expect(columnWidthMm(a4)).toBe(55);
  });

  it('warns below 200 ppi at the placed width and says how many pixels are needed', () => {
    expect(printResolution(433, a4, false)).toMatchObject({ ppi: 200, ok: false, neededWidthPx: 434 });
    expect(printResolution(1200, a4, false)).toMatchObject({ ok: true, placedWidthMm: 55 });
    expect(printResolution(1200, a4, true)).toMatchObject({ ok: false, placedWidthMm: 175, neededWidthPx: 1378 });
  });

  it('follows the profile', () => {
    expect(printResolution(800, PrintLayout.parse({ columns: 2, minImagePpi: 150 }), false).ok).toBe(true);
  });
});
