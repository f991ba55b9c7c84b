import { describe, expect, it } from 'vitest';
import { otherToneStyle } from '../../shared/text/tone-styles.js';

describe('tone placement styles', () => {
  it('moves the tone between the vowels of open oa, oe, uy', () => {
    expect(otherToneStyle('hoà')).toBe('hòa');
    expect(otherToneStyle('hòa')).toBe('hoà');
    expect(otherToneStyle('khoẻ')).toBe('khỏe');
    expect(otherToneStyle('thuý')).toBe('thúy');
    expect(otherToneStyle('Thủy')).toBe('Thuỷ');
  });

  it('leaves syllables with one correct placement alone', () => {
    for (const word of ['hoàn', 'quý', 'quà', 'hoa', 'tuyết', 'khuya', 'làng']) expect(otherToneStyle(word)).toBeNull();
  });
});
