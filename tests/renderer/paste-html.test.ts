// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rebuildWordLists } from '../../renderer/editor/paste-html.js';

/** A list as Word puts it on the clipboard: styled paragraphs with typed bullets or numbers. */
const wordList = `
<p class=MsoNormal>Trước danh sách</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>Chọn đất sét</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o<span>&nbsp;</span></span>Đất sông Hồng</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o<span>&nbsp;</span></span>Đất Trúc Thôn</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><b>Nung</b> ở 1.200 độ</p>
<p class=MsoNormal>Sau danh sách</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>Một gạch đầu dòng</p>`;

/** The lists' shape: tag names and item text, without attributes or whitespace. */
function outline(el: Element): string {
  if (el.tagName === 'P') return `p(${(el.textContent ?? '').trim()})`;
  return `${el.tagName.toLowerCase()}[${Array.from(el.children).map(outline).join(',')}]`;
}

describe('pasting from Word', () => {
  it('turns Word’s styled list paragraphs into real nested lists, numbered or bulleted as typed', () => {
    const doc = new DOMParser().parseFromString(wordList, 'text/html');
    rebuildWordLists(doc);
    expect(Array.from(doc.body.children).map(outline)).toEqual([
      'p(Trước danh sách)',
      'ol[li[p(Chọn đất sét),ul[li[p(Đất sông Hồng)],li[p(Đất Trúc Thôn)]]],li[p(Nung ở 1.200 độ)]]',
      'p(Sau danh sách)',
      'ul[li[p(Một gạch đầu dòng)]]',
    ]);
    expect(doc.body.innerHTML).not.toContain('mso-list:Ignore');
  });
});
