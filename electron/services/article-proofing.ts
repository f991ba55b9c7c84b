import { proofArticle, type ProofFinding, type ProofInput } from '../../shared/proofing/proofing-rules.js';
import type { PublicationProfile } from '../../shared/model/workspace.js';
import { spellingFindings } from './spelling.js';

/** House-style rules (pure, shared with the editor) plus spelling against the Vietnamese dictionary. */
export function proofWithSpelling(input: ProofInput, profile: PublicationProfile): ProofFinding[] {
  const spelling = (['title', 'sapo', 'body'] as const).flatMap((field) => spellingFindings(field, input[field], profile.extraWords));
  return [...proofArticle(input, profile), ...spelling];
}
