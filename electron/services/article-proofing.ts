import { proofArticle, type ProofFinding, type ProofInput } from '../../shared/proofing/proofing-rules.js';
import type { PublicationProfile } from '../../shared/model/workspace.js';
import type { SpellingThread } from './spelling-thread.js';

/** House-style rules (pure, shared with the editor) plus spelling against the Vietnamese dictionary, off the main thread. */
export async function proofWithSpelling(input: ProofInput, profile: PublicationProfile, spelling: SpellingThread): Promise<ProofFinding[]> {
  const fields = (['title', 'sapo', 'body'] as const).map((field) => [field, input[field]] as [typeof field, string]);
  return [...proofArticle(input, profile), ...(await spelling.check(fields, profile.extraWords))];
}
