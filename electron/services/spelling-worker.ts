import { parentPort } from 'node:worker_threads';
import type { ProofField } from '../../shared/proofing/proofing-rules.js';
import { spellingFindings } from './spelling.js';

export interface SpellingRequest {
  id: number;
  fields: [ProofField, string][];
  extraWords: string[];
}

/** Spelling runs here, on its own thread: suggestions can take a few hundred milliseconds. */
parentPort?.on('message', (request: SpellingRequest) => {
  try {
    const findings = request.fields.flatMap(([field, text]) => spellingFindings(field, text, request.extraWords));
    parentPort?.postMessage({ id: request.id, findings });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
