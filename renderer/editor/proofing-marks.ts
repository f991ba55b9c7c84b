import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { ProofFinding } from '../../shared/proofing/proofing-rules.js';

export interface BodyFindings {
  /** The body's plain text the findings were computed on (blocks joined by blank lines). */
  bodyText: string;
  findings: ProofFinding[];
}

export const proofingMarksKey = new PluginKey<DecorationSet>('proofingMarks');

/** Each text block's characters with the document position of each one. */
function textblocks(doc: PmNode): { text: string; positions: number[] }[] {
  const blocks: { text: string; positions: number[] }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      if (child.isText) {
        for (let i = 0; i < (child.text ?? '').length; i++) positions.push(start + i);
        text += child.text ?? '';
      } else {
        positions.push(start);
        text += '\n';
      }
    });
    blocks.push({ text, positions });
    return false;
  });
  return blocks;
}

function occurrences(haystack: string, needle: string, before = haystack.length): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && at < before; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/**
 * Where a body finding sits in the document: the same words, at the same occurrence, as in the
 * plain text the server proofed. Findings whose text cannot be found (edited since) are skipped.
 */
export function proofingDecorations(doc: PmNode, body: BodyFindings): DecorationSet {
  const blocks = textblocks(doc);
  const decorations: Decoration[] = [];
  for (const finding of body.findings) {
    if (finding.field !== 'body' || finding.end <= finding.start) continue;
    const words = body.bodyText.slice(finding.start, finding.end);
    let wanted = occurrences(body.bodyText, words, finding.start);
    for (const block of blocks) {
      const inBlock = occurrences(block.text, words);
      if (wanted >= inBlock) {
        wanted -= inBlock;
        continue;
      }
      let at = block.text.indexOf(words);
      for (let i = 0; i < wanted; i++) at = block.text.indexOf(words, at + words.length);
      const from = block.positions[at];
      const to = block.positions[at + words.length - 1];
      if (from !== undefined && to !== undefined) {
        decorations.push(
          Decoration.inline(from, to + 1, { class: `proof-mark proof-${finding.severity}`, title: finding.message, 'data-rule': finding.rule }),
        );
      }
      break;
    }
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Proofing findings underlined in the body. The marks are decorations, never document changes,
 * and they move with the text as the editor types (mapped through each transaction).
 */
export const ProofingMarks = Extension.create({
  name: 'proofingMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: proofingMarksKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const body = tr.getMeta(proofingMarksKey) as BodyFindings | undefined;
            return body ? proofingDecorations(tr.doc, body) : set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => proofingMarksKey.getState(state),
        },
      }),
    ];
  },
});
