import { describe, expect, it } from 'vitest';
import { applyFixes, HouseStyle, proofArticle, type ProofInput } from '../../shared/proofing/proofing-rules.js';

const style = HouseStyle.parse({ sourcePrefix: 'LNV - ', titleMaxLength: 80, sapoMaxLength: 200 });

function proof(input: Partial<ProofInput>) {
  return proofArticle({ title: 'Tiêu đề', sapo: 'LNV - Sapo ổn.', body: '', ...input }, style);
}

const rules = (input: Partial<ProofInput>) => proof(input).map((f) => f.rule);

describe('proofing', () => {
  it('finds a doubled word but not Vietnamese reduplication', () => {
    const [finding] = proof({ body: 'Phát biểu biểu khai mạc. Người người đi hội, từ từ vào làng.' });
    expect(finding).toMatchObject({ rule: 'doubled-word', field: 'body', replacement: 'biểu' });
    expect(rules({ body: 'Người người đi hội, từ từ vào làng, nhà nhà treo cờ.' })).toEqual([]);
  });

  it('finds double spaces, space before punctuation and invisible characters, with fixes', () => {
    const body = 'Làng  nghề , đẹp\u200B lắm !';
    const findings = proof({ body });
    expect(findings.map((f) => f.rule)).toEqual(['double-space', 'space-before-punctuation', 'invisible-character', 'space-before-punctuation']);
    expect(applyFixes(body, findings)).toBe('Làng nghề, đẹp lắm!');
  });

  it('wants the source prefix followed by one space', () => {
    const [finding] = proof({ sapo: 'LNV -Trung tâm Khuyến công tổ chức hội nghị.' });
    expect(finding).toMatchObject({ rule: 'source-prefix-space', field: 'sapo', replacement: 'LNV - ' });
    expect(applyFixes('LNV -Trung tâm', [finding!])).toBe('LNV - Trung tâm');
    expect(rules({ sapo: 'LNV - Trung tâm Khuyến công tổ chức hội nghị.' })).toEqual([]);
  });

  it('suggests typographic quotes and house number format', () => {
    const body = 'Chủ đề "Quê lụa Hà Đông" thu hút 12,500 lượt khách, giá 3,5 triệu.';
    const findings = proof({ body });
    expect(findings.map((f) => f.rule)).toEqual(['straight-quotes', 'number-format']);
    expect(applyFixes(body, findings)).toBe('Chủ đề “Quê lụa Hà Đông” thu hút 12.500 lượt khách, giá 3,5 triệu.');
  });

  it('finds NFD text', () => {
    const [finding] = proof({ body: `Thừa Thiên ${'Huế'.normalize('NFD')}` });
    expect(finding?.rule).toBe('unnormalized-text');
  });

  it('finds a person named two ways in one article', () => {
    const findings = proof({
      sapo: 'LNV - Cục trưởng Ngô Quang Trung phát biểu khai mạc hội nghị.',
      body: 'Ông Ngô Quang, Cục trưởng Cục Công thương, cho biết năm nay có nhiều đề án.',
    });
    const variant = findings.find((f) => f.rule === 'name-variants');
    expect(variant).toMatchObject({ field: 'body', replacement: 'Ngô Quang Trung' });
    expect(variant?.message).toContain('Ngô Quang Trung');
  });

  it('checks title and sapo presence and length from the profile', () => {
    expect(rules({ title: '  ' })).toContain('title-missing');
    expect(rules({ title: 'x'.repeat(81) })).toContain('title-too-long');
    expect(rules({ sapo: 'LNV - ' })).toContain('sapo-missing');
    expect(rules({ sapo: `LNV - ${'a'.repeat(200)}` })).toContain('sapo-too-long');
    expect(proof({ title: '' }).find((f) => f.rule === 'title-missing')?.severity).toBe('error');
  });
});
