import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { PRINT_FONT_FILES } from '../../shared/print/page-document.js';

const fontsDir = join(import.meta.dirname, '../../resources/fonts');

/** Every letter Vietnamese writes, both cases, precomposed (text is stored NFC), plus its punctuation. */
const VIETNAMESE =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ' +
  '0123456789“”‘’–—…•«»%.,;:!?()/';
const letters = [...new Set([...VIETNAMESE, ...VIETNAMESE.toUpperCase()])];

describe('print fonts', () => {
  for (const font of PRINT_FONT_FILES) {
    it(`${font.file} is TrueType and has a glyph for every Vietnamese letter`, () => {
      const bytes = readFileSync(join(fontsDir, font.file));
      // TrueType outlines (0x00010000), which Chromium embeds as real fonts in the PDF.
      expect(bytes.readUInt32BE(0)).toBe(0x00010000);
      const parsed = fontkit.create(bytes);
      const missing = letters.filter((ch) => !parsed.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing).toEqual([]);
    });
  }
});
