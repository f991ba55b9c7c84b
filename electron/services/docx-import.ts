import mammoth from 'mammoth';
import { DeskError } from '../../shared/errors.js';

/** Word styles reporters use, mapped to what the article schema knows. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Kicker'] => p.kicker:fresh",
  "p[style-name='Sapo'] => p.sapo:fresh",
  "p[style-name='Chú thích'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Trích dẫn'] => blockquote > p:fresh",
  "p[style-name='Pull Quote'] => blockquote.lnv-pull-quote:fresh",
];

export interface DocxHtml {
  html: string;
  warnings: string[];
}

/**
 * Reads a .docx into HTML with mammoth. Embedded pictures go through `storeImage` (into the
 * workspace's assets) so the importer keeps them; footnotes come out as endnotes.
 */
export async function docxToHtml(
  bytes: Buffer,
  fileName: string,
  storeImage: (bytes: Buffer, name: string) => Promise<string>,
): Promise<DocxHtml> {
  const warnings: string[] = [];
  let imageIndex = 0;
  let failedImages = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    imageIndex += 1;
    const extension = image.contentType.split('/')[1] ?? 'bin';
    const alt = (image as { altText?: string }).altText ?? '';
    try {
      const hash = await storeImage(await image.readAsBuffer(), `${fileName.replace(/\.docx$/i, '')}-anh-${imageIndex}.${extension}`);
      return { src: `asset:${hash}`, 'data-asset': hash, alt } as { src: string };
    } catch {
      failedImages += 1;
      return { src: '' };
    }
  });
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage, externalFileAccess: false });
  } catch {
    throw new DeskError(
      'invalid_file',
      `Tệp "${fileName}" không đọc được như tài liệu Word (.docx): tệp bị hỏng hoặc không phải .docx. Hãy mở bằng Word và lưu lại dưới dạng .docx.`,
    );
  }
  if (failedImages > 0) warnings.push(`${failedImages} ảnh trong tệp Word không đọc được và đã bị bỏ qua.`);
  return { html: result.value, warnings };
}
