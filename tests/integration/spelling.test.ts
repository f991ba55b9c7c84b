import { describe, expect, it } from 'vitest';
import { spellingFindings } from '../../electron/services/spelling.js';

const flagged = (text: string, extra: string[] = []) => spellingFindings('body', text, extra).map((f) => text.slice(f.start, f.end));

describe('Vietnamese spelling (dictionary-vi through nspell)', () => {
  it('accepts both tone placements', () => {
    expect(flagged('Cộng hòa, Cộng hoà, khỏe khoẻ, thúy thuý')).toEqual([]);
  });

  it('flags a misspelt syllable with suggestions', () => {
    const [finding] = spellingFindings('body', 'làng nge truyền thống');
    expect(finding).toMatchObject({ rule: 'spelling', severity: 'warning', start: 5, end: 8 });
    expect(finding?.suggestions).toContain('nghe');
  });

  it('leaves acronyms and foreign names alone and learns the magazine’s own words', () => {
    expect(flagged('UBND tỉnh và OCOP trên Facebook, Zalo')).toEqual([]);
    expect(flagged('bánh pía Sóc Trăng')).toEqual(['pía']);
    expect(flagged('bánh pía Sóc Trăng', ['pía'])).toEqual([]);
  });
});
