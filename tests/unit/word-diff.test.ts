import { describe, expect, it } from 'vitest';
import { hasChanges, wordDiff } from '../../shared/text/word-diff.js';

describe('word diff', () => {
  it('marks changed Vietnamese syllables, not whole lines', () => {
    const segments = wordDiff('Làng gốm Bát Tràng đỏ lửa quanh năm.', 'Làng gốm Bát Tràng rực lửa suốt năm.');
    expect(segments.filter((s) => s.kind !== 'same').map((s) => `${s.kind}:${s.text}`)).toEqual([
      'removed:đỏ',
      'added:rực',
      'removed:quanh',
      'added:suốt',
    ]);
  });

  it('sees a tone change as a change of one word, and NFD equal to NFC', () => {
    const segments = wordDiff('Cộng hoà xã hội', 'Cộng hòa xã hội');
    expect(segments.filter((s) => s.kind !== 'same').map((s) => s.text)).toEqual(['hoà', 'hòa']);
    expect(hasChanges(wordDiff('Thừa Thiên Huế', 'Thừa Thiên Huế'.normalize('NFD')))).toBe(false);
  });

  it('rebuilds both texts from its segments', () => {
    const before = 'Nghề dệt lụa Vạn Phúc có từ lâu đời.';
    const after = 'Nghề dệt lụa ở Vạn Phúc (Hà Đông) có từ hơn nghìn năm.';
    const segments = wordDiff(before, after);
    expect(segments.filter((s) => s.kind !== 'added').map((s) => s.text).join('')).toBe(before);
    expect(segments.filter((s) => s.kind !== 'removed').map((s) => s.text).join('')).toBe(after);
  });
});
