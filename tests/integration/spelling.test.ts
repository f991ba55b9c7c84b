import { describe, expect, it } from 'vitest';
import { spellingFindings } from '../../electron/services/spelling.js';
import { SpellingThread } from '../../electron/services/spelling-thread.js';

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

describe('spelling on its own thread', () => {
  it('finds the same words as in-process while the main thread keeps running', async () => {
    const thread = new SpellingThread();
    const text = 'làng nge truyền thống, khung cưỉ, tieng viet '.repeat(30);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const findings = await thread.check([['body', text]], []);
    clearInterval(timer);
    await thread.close();
    expect(findings.map((f) => [f.start, f.end])).toEqual(spellingFindings('body', text).map((f) => [f.start, f.end]));
    expect(findings.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
  });
});
