import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import sharp from 'sharp';
import { safeHref } from '../../shared/article-body.js';
import type { Article, PmMark, PmNode } from '../../shared/model/article.js';

/** Pictures are placed at most this wide (pixels at 96 dpi, about 16 cm: an A4 text column). */
const MAX_IMAGE_WIDTH = 600;

export interface DocxImage {
  data: Buffer;
  width: number;
  height: number;
}

type ImageSource = (hash: string) => Promise<DocxImage | null>;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: object;
  strike?: boolean;
  subScript?: boolean;
  superScript?: boolean;
}

function runStyle(marks: PmMark[] | undefined): RunStyle {
  const style: RunStyle = {};
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') style.bold = true;
    if (mark.type === 'italic') style.italics = true;
    if (mark.type === 'underline') style.underline = {};
    if (mark.type === 'strike') style.strike = true;
    if (mark.type === 'subscript') style.subScript = true;
    if (mark.type === 'superscript') style.superScript = true;
  }
  return style;
}

function inlineRuns(nodes: PmNode[] | undefined, extra: RunStyle = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      runs.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    if (node.type !== 'text') continue;
    const style = { ...extra, ...runStyle(node.marks) };
    const link = node.marks?.find((m) => m.type === 'link');
    const href = link ? safeHref(link.attrs?.href) : null;
    if (href && !href.startsWith('#')) {
      runs.push(new ExternalHyperlink({ link: href, children: [new TextRun({ text: node.text ?? '', style: 'Hyperlink', ...style })] }));
    } else {
      runs.push(new TextRun({ text: node.text ?? '', ...style }));
    }
  }
  return runs;
}

/**
 * An article as a Word document: the form reporters and outside editors exchange. Headings, lists,
 * quotes, tables and captioned pictures keep their Word meaning (styles), not just their look.
 */
export async function articleToDocx(article: Article, imageOf: ImageSource): Promise<Buffer> {
  const blocks: (Paragraph | Table)[] = [];

  async function block(node: PmNode, context: { list?: { reference: string; level: number }; quote?: boolean } = {}): Promise<void> {
    switch (node.type) {
      case 'paragraph':
        blocks.push(
          new Paragraph({
            children: inlineRuns(node.content),
            ...(context.list ? { numbering: context.list } : {}),
            ...(context.quote ? { style: 'Quote' } : {}),
          }),
        );
        return;
      case 'heading':
        blocks.push(new Paragraph({ heading: Number(node.attrs?.level) === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: inlineRuns(node.content) }));
        return;
      case 'bulletList':
      case 'orderedList': {
        const reference = node.type === 'bulletList' ? 'bullets' : 'numbers';
        const level = context.list ? Math.min(context.list.level + 1, 4) : 0;
        for (const item of node.content ?? []) {
          for (const child of item.content ?? []) await block(child, { ...context, list: { reference, level } });
        }
        return;
      }
      case 'blockquote':
        for (const child of node.content ?? []) await block(child, { ...context, quote: true });
        return;
      case 'pullQuote': {
        const by = typeof node.attrs?.attribution === 'string' && node.attrs.attribution ? [new TextRun({ text: ` — ${node.attrs.attribution}`, italics: false })] : [];
        blocks.push(new Paragraph({ style: 'PullQuote', children: [...inlineRuns(node.content), ...by] }));
        return;
      }
      case 'relatedArticles': {
        const items = Array.isArray(node.attrs?.items) ? (node.attrs.items as { title?: unknown }[]) : [];
        blocks.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Tin liên quan')] }));
        for (const item of items) blocks.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(String(item.title ?? ''))] }));
        return;
      }
      case 'horizontalRule':
        blocks.push(new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }));
        return;
      case 'figure': {
        const image = typeof node.attrs?.asset === 'string' ? await imageOf(node.attrs.asset) : null;
        if (image) {
          const scale = Math.min(1, MAX_IMAGE_WIDTH / image.width);
          const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
          blocks.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: 'jpg',
                  data: image.data,
                  transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
                  altText: { name: alt || 'Ảnh', description: alt, title: alt },
                }),
              ],
            }),
          );
        }
        const credit = typeof node.attrs?.credit === 'string' && node.attrs.credit ? [new TextRun({ text: ` (${node.attrs.credit})` })] : [];
        blocks.push(new Paragraph({ style: 'Caption', children: [...inlineRuns(node.content), ...credit] }));
        return;
      }
      case 'table':
        blocks.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: await Promise.all(
              (node.content ?? []).map(
                async (row) =>
                  new TableRow({
                    children: (row.content ?? []).map(
                      (cell) =>
                        new TableCell({
                          children: (cell.content ?? []).map(
                            (p) => new Paragraph({ children: inlineRuns(p.content, cell.type === 'tableHeader' ? { bold: true } : {}) }),
                          ),
                          ...(Number(cell.attrs?.colspan) > 1 ? { columnSpan: Number(cell.attrs?.colspan) } : {}),
                        }),
                    ),
                  }),
              ),
            ),
          }),
        );
        return;
      default:
        for (const child of node.content ?? []) await block(child, context);
    }
  }

  if (article.kicker) blocks.push(new Paragraph({ style: 'Kicker', children: [new TextRun(article.kicker)] }));
  blocks.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(article.title)] }));
  if (article.sapo) blocks.push(new Paragraph({ style: 'Sapo', children: [new TextRun({ text: article.sapo, bold: true })] }));
  for (const node of article.body.content ?? []) await block(node);
  if (article.byline) blocks.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: article.byline, bold: true })] }));

  const bulletLevels = [0, 1, 2, 3, 4].map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: level % 2 === 0 ? '•' : '◦',
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const numberLevels = [0, 1, 2, 3, 4].map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

  const doc = new Document({
    creator: 'LNV Desk',
    title: article.title,
    description: article.sapo,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 26 } } },
      paragraphStyles: [
        { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', run: { allCaps: true, color: '8B4A2B', size: 22 } },
        { id: 'Sapo', name: 'Sapo', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { after: 240 } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true, size: 22 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720, right: 720 } } },
        { id: 'PullQuote', name: 'Pull Quote', basedOn: 'Normal', run: { italics: true, size: 32, color: '8B4A2B' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: bulletLevels },
        { reference: 'numbers', levels: numberLevels },
      ],
    },
    sections: [{ children: blocks }],
  });
  return Packer.toBuffer(doc);
}

/** Any stored picture as a JPEG Word can embed, scaled down to what the page can show. */
export async function jpegForDocx(bytes: Buffer): Promise<DocxImage> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize({ width: MAX_IMAGE_WIDTH * 2, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
