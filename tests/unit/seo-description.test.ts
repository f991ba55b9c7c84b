import { describe, expect, it } from 'vitest';
import { SEO_DESCRIPTION_MAX, seoDescriptionFromSapo } from '../../shared/web/seo-description.js';

describe('the SEO description made from the sapo', () => {
  it('drops the source prefix and keeps a short sapo whole', () => {
    expect(seoDescriptionFromSapo('LNV - Làng gốm Bát Tràng  đỏ lửa\ncuối năm.', 'LNV - ')).toBe('Làng gốm Bát Tràng đỏ lửa cuối năm.');
    expect(seoDescriptionFromSapo('Không có tiền tố.', 'LNV - ')).toBe('Không có tiền tố.');
  });

  it('cuts a long sapo at a word, within the limit, with an ellipsis', () => {
    const sapo = `LNV - ${'Nghề dệt thổ cẩm của đồng bào Mông ở Hà Giang, '.repeat(6)}`;
    const description = seoDescriptionFromSapo(sapo, 'LNV - ');
    expect(description.length).toBeLessThanOrEqual(SEO_DESCRIPTION_MAX);
    expect(description).toMatch(/^Nghề dệt thổ cẩm/);
    expect(description).toMatch(/[^\s,]…$/);
    expect(sapo).toContain(description.slice(0, -1));
  });
});
