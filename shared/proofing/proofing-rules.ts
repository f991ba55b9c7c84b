import { z } from 'zod';

/**
 * Proofing for Vietnamese newsroom copy: the mistakes an editor's desk catches by eye, found in
 * plain text with positions, each with a one-click fix where the fix is safe.
 */

export const ProofField = z.enum(['title', 'sapo', 'body', 'kicker', 'byline']);
export type ProofField = z.infer<typeof ProofField>;

export const ProofSeverity = z.enum(['error', 'warning', 'info']);
export type ProofSeverity = z.infer<typeof ProofSeverity>;

export const PROOF_RULES = [
  'doubled-word',
  'double-space',
  'space-before-punctuation',
  'source-prefix-space',
  'straight-quotes',
  'unnormalized-text',
  'invisible-character',
  'name-variants',
  'number-format',
  'sapo-missing',
  'sapo-too-long',
  'title-missing',
  'title-too-long',
  'spelling',
] as const;
export const ProofRule = z.enum(PROOF_RULES);
export type ProofRule = z.infer<typeof ProofRule>;

export const ProofFinding = z.object({
  rule: ProofRule,
  severity: ProofSeverity,
  field: ProofField,
  /** [start, end) in the field's plain text (the body as bodyToText gives it). */
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  message: z.string(),
  /** Replaces text[start, end) when present: the one-click fix. */
  replacement: z.string().optional(),
  /** Words to choose from when no single fix is safe (spelling). */
  suggestions: z.array(z.string()).optional(),
});
export type ProofFinding = z.infer<typeof ProofFinding>;

/** House style, kept in the publication profile rather than in code. */
export const HouseStyle = z.object({
  sourcePrefix: z.string(),
  titleMaxLength: z.number().int().positive(),
  sapoMaxLength: z.number().int().positive(),
  quotes: z.enum(['typographic', 'straight']).default('typographic'),
  thousandsSeparator: z.enum(['.', ' ']).default('.'),
  /** Doublings that are Vietnamese, not typos ("từ từ", "người người"). */
  allowedDoublings: z.array(z.string()).default([]),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

export interface ProofInput {
  title: string;
  sapo: string;
  body: string;
  kicker?: string;
  byline?: string;
}

/** Common reduplications that are correct Vietnamese; the profile can add more. */
export const DEFAULT_DOUBLINGS = [
  'từ từ', 'người người', 'nhà nhà', 'ngày ngày', 'đêm đêm', 'năm năm', 'tháng tháng', 'đời đời',
  'dần dần', 'xa xa', 'thường thường', 'lâu lâu', 'đâu đâu', 'ai ai', 'mỗi mỗi', 'chầm chậm',
  'rất rất', 'nhiều nhiều', 'mãi mãi', 'đều đều', 'sờ sờ', 'khư khư', 'luôn luôn', 'vừa vừa',
  'cao cao', 'xanh xanh', 'đỏ đỏ', 'hăm hăm', 'ầm ầm', 'ào ào', 'rì rì', 'lắm lắm', 'chung chung',
];

const EXCERPT_RADIUS = 24;

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_RADIUS);
  const to = Math.min(text.length, end + EXCERPT_RADIUS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

type Emit = (f: Omit<ProofFinding, 'excerpt' | 'field'>) => void;

function eachMatch(text: string, pattern: RegExp, visit: (m: RegExpExecArray) => void): void {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    visit(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}

function textRules(text: string, style: HouseStyle, emit: Emit): void {
  const allowed = new Set([...DEFAULT_DOUBLINGS, ...style.allowedDoublings].map((d) => d.toLowerCase()));

  eachMatch(text, /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)(\s+)\1(?![\p{L}\p{N}])/giu, (m) => {
    const word = m[1] ?? '';
    if (/^\d+$/.test(word) || allowed.has(`${word} ${word}`.toLowerCase())) return;
    emit({
      rule: 'doubled-word',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: `Từ "${word}" bị lặp.`,
      replacement: word,
    });
  });

  eachMatch(text, / {2,}/g, (m) => {
    emit({ rule: 'double-space', severity: 'warning', start: m.index, end: m.index + m[0].length, message: 'Thừa dấu cách.', replacement: ' ' });
  });

  eachMatch(text, /[ \u00A0]+([,.;:!?…)\]])/g, (m) => {
    const before = text[m.index - 1];
    if (m[1] === '.' && before === undefined) return;
    emit({
      rule: 'space-before-punctuation',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: `Không đặt dấu cách trước "${m[1]}".`,
      replacement: m[1],
    });
  });

  if (style.quotes === 'typographic') {
    eachMatch(text, /"([^"\n]{1,400})"/g, (m) => {
      emit({
        rule: 'straight-quotes',
        severity: 'info',
        start: m.index,
        end: m.index + m[0].length,
        message: 'Dùng ngoặc kép cong “…” theo quy cách của toà soạn.',
        replacement: `“${m[1]}”`,
      });
    });
  }

  eachMatch(text, /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u202F|\u00AD/g, (m) => {
    emit({ rule: 'invisible-character', severity: 'warning', start: m.index, end: m.index + 1, message: 'Có ký tự ẩn (thường do bộ gõ hoặc khi dán).', replacement: '' });
  });

  eachMatch(text, /[\p{L}][\p{M}]+/gu, (m) => {
    const nfc = m[0].normalize('NFC');
    if (nfc === m[0]) return;
    emit({ rule: 'unnormalized-text', severity: 'warning', start: m.index, end: m.index + m[0].length, message: 'Chữ ở dạng tổ hợp (NFD): tìm kiếm và dàn trang có thể sai.', replacement: nfc });
  });

  const separator = style.thousandsSeparator;
  eachMatch(text, /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => {
    emit({
      rule: 'number-format',
      severity: 'info',
      start: m.index,
      end: m.index + m[0].length,
      message: `Số viết theo kiểu Anh; quy cách của toà soạn dùng "${separator}" để phân cách hàng nghìn.`,
      replacement: m[0].replace(/,/g, separator),
    });
  });
}

/** "LNV -Làng" → "LNV - Làng": the source prefix is followed by exactly one space. */
function sourcePrefixRule(sapo: string, style: HouseStyle, emit: Emit): void {
  const head = style.sourcePrefix.trim().replace(/\s*[-–]\s*$/, '');
  if (!head) return;
  const m = new RegExp(`^${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[-–]\\s*`).exec(sapo);
  if (!m || m[0] === style.sourcePrefix) return;
  emit({
    rule: 'source-prefix-space',
    severity: 'warning',
    start: 0,
    end: m[0].length,
    message: `Sapo phải bắt đầu đúng bằng "${style.sourcePrefix}".`,
    replacement: style.sourcePrefix,
  });
}

const HONORIFICS = new Set(['Ông', 'Bà', 'Anh', 'Chị', 'Cô', 'Chú', 'Bác', 'Cụ', 'Em', 'Ngài', 'Thầy', 'Theo', 'Tại', 'Ở', 'Từ']);

const NAME = /(?<![\p{L}])(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,3})(?![\p{L}])/gu;

/**
 * A person named two ways ("Ngô Quang Trung", later "Ngô Quang"): a capitalised name of two or three
 * syllables that is the start of a longer name in the same article.
 */
function nameVariants(fields: [ProofField, string][]): Omit<ProofFinding, 'excerpt'>[] {
  const names = new Map<string, { field: ProofField; start: number }[]>();
  for (const [field, text] of fields) {
    eachMatch(text, NAME, (m) => {
      let name = (m[1] ?? '').replace(/\s+/g, ' ');
      let start = m.index;
      const first = name.split(' ')[0] ?? '';
      if (HONORIFICS.has(first)) {
        name = name.slice(first.length + 1);
        start += (m[1] ?? '').indexOf(name.split(' ')[0] ?? '', first.length);
      }
      if (name.split(' ').length < 2) return;
      const at = names.get(name) ?? [];
      at.push({ field, start });
      names.set(name, at);
    });
  }
  const findings: Omit<ProofFinding, 'excerpt'>[] = [];
  const all = [...names.keys()];
  for (const short of all) {
    const shortWords = short.split(' ');
    if (shortWords.length < 2) continue;
    const longer = all.find((n) => n !== short && n.startsWith(`${short} `) && n.split(' ').length <= 4);
    if (!longer) continue;
    // "Hà Nội" inside "Hà Nội Mới" is a place, not a person: only flag names that also appear whole.
    const standalone = names.get(short) ?? [];
    for (const at of standalone) {
      findings.push({
        rule: 'name-variants',
        severity: 'warning',
        field: at.field,
        start: at.start,
        end: at.start + short.length,
        message: `"${short}" và "${longer}" có phải cùng một người? Hãy viết thống nhất.`,
        replacement: longer,
      });
    }
  }
  return findings;
}

export function proofArticle(input: ProofInput, style: HouseStyle): ProofFinding[] {
  const findings: ProofFinding[] = [];
  const fields: [ProofField, string][] = [
    ['title', input.title],
    ['kicker', input.kicker ?? ''],
    ['sapo', input.sapo],
    ['body', input.body],
    ['byline', input.byline ?? ''],
  ];
  const textOf = (field: ProofField) => fields.find(([f]) => f === field)?.[1] ?? '';
  const emitFor =
    (field: ProofField): Emit =>
    (f) =>
      findings.push({ ...f, field, excerpt: excerptOf(textOf(field), f.start, f.end) });

  for (const [field, text] of fields) textRules(text, style, emitFor(field));
  sourcePrefixRule(input.sapo, style, emitFor('sapo'));

  if (!input.title.trim()) {
    emitFor('title')({ rule: 'title-missing', severity: 'error', start: 0, end: 0, message: 'Bài chưa có tiêu đề.' });
  } else if (input.title.length > style.titleMaxLength) {
    emitFor('title')({
      rule: 'title-too-long',
      severity: 'warning',
      start: style.titleMaxLength,
      end: input.title.length,
      message: `Tiêu đề dài ${input.title.length} ký tự, quá giới hạn ${style.titleMaxLength}.`,
    });
  }
  const sapo = input.sapo.trim();
  if (!sapo || sapo === style.sourcePrefix.trim()) {
    emitFor('sapo')({ rule: 'sapo-missing', severity: 'error', start: 0, end: 0, message: 'Bài chưa có sapo.' });
  } else if (input.sapo.length > style.sapoMaxLength) {
    emitFor('sapo')({
      rule: 'sapo-too-long',
      severity: 'warning',
      start: style.sapoMaxLength,
      end: input.sapo.length,
      message: `Sapo dài ${input.sapo.length} ký tự, quá giới hạn ${style.sapoMaxLength}.`,
    });
  }

  for (const f of nameVariants(fields)) findings.push({ ...f, excerpt: excerptOf(textOf(f.field), f.start, f.end) });

  const order = ProofField.options;
  return findings.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.start - b.start);
}

/** Applies fixes from the end backwards so earlier offsets stay valid; overlapping fixes are skipped. */
export function applyFixes(text: string, findings: ProofFinding[]): string {
  let out = text;
  let limit = Infinity;
  for (const f of [...findings].filter((x) => x.replacement !== undefined).sort((a, b) => b.start - a.start)) {
    if (f.end > limit) continue;
    out = out.slice(0, f.start) + (f.replacement ?? '') + out.slice(f.end);
    limit = f.start;
  }
  return out;
}
