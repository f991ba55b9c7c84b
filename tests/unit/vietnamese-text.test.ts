import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  countSyllables,
  foldForSearch,
  normalizeText,
  searchTerms,
  slugify,
  vietnameseSortKey,
} from '../../shared/text/vietnamese.js';

describe('search folding', () => {
  it('folds tone marks, case and đ the same way for every spelling of a phrase', () => {
    const forms = ['khuyen cong', 'KHUYẾN CÔNG', 'khuyến công', 'Khuyến Công'.normalize('NFD')];
    expect(new Set(forms.map(foldForSearch))).toEqual(new Set(['khuyen cong']));
    expect(foldForSearch('Đà Nẵng')).toBe('da nang');
    expect(foldForSearch('ĐỒNG KỴ')).toBe('dong ky');
  });

  it('folds both tone placements to the same letters', () => {
    expect(foldForSearch('hoà')).toBe(foldForSearch('hòa'));
    expect(foldForSearch('thuý')).toBe(foldForSearch('thúy'));
  });

  it('keeps one unit per unit of the NFC text so highlights line up with the original', () => {
    const original = 'Làng gốm Bát Tràng – “đỏ lửa” ở Đồng Kỵ, ﬁ İ';
    expect(foldForSearch(original)).toHaveLength(original.normalize('NFC').length);
  });

  it('splits a query into folded terms', () => {
    expect(searchTerms('  Đà-Nẵng, 2025!  ')).toEqual(['da', 'nang', '2025']);
    expect(searchTerms('— … “”')).toEqual([]);
  });
});

describe('normalisation', () => {
  it('stores NFC and drops invisible characters left by input methods and paste', () => {
    const nfd = 'Thừa Thiên Huế'.normalize('NFD');
    expect(nfd).not.toBe('Thừa Thiên Huế');
    expect(normalizeText(nfd)).toBe('Thừa Thiên Huế');
    expect(normalizeText('làng\u200B nghề\u202F\uFEFF')).toBe('làng nghề');
  });
});

describe('slugs', () => {
  it('makes the site’s slug style', () => {
    expect(slugify('Số 456 Tạp chí Làng nghề Việt Nam 2025')).toBe('so-456-tap-chi-lang-nghe-viet-nam-2025');
    expect(slugify('Đà Nẵng: Đồng Kỵ – “gỗ” ĐẸP'.normalize('NFD'))).toBe('da-nang-dong-ky-go-dep');
  });
});

describe('counting', () => {
  it('counts syllables the way Vietnamese editors count words', () => {
    expect(countSyllables('Làng nghề Bát Tràng, năm 2025.')).toBe(6);
    expect(countSyllables('')).toBe(0);
  });
});

describe('Vietnamese order', () => {
  it('sorts ă, â, đ, ê, ô, ơ, ư as letters of their own', () => {
    const words = ['ươm', 'đào', 'an', 'ăn', 'ân', 'dê', 'bò', 'ơn', 'ôm', 'om', 'uống', 'em', 'ếch'];
    const expected = ['an', 'ăn', 'ân', 'bò', 'dê', 'đào', 'em', 'ếch', 'om', 'ôm', 'ơn', 'uống', 'ươm'];
    expect([...words].sort(compareVietnamese)).toEqual(expected);
    expect([...words].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1))).toEqual(expected);
  });

  it('uses tone marks only to break ties', () => {
    const words = ['má', 'ma', 'mạ', 'mà', 'mả', 'mã', 'mai'];
    const sorted = [...words].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'mai']);
  });
});
