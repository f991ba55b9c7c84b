import { DeskError, isDeskErrorShape } from '../../shared/errors.js';
import type { CallEnvelope } from './desk-bridge.js';

/**
 * Turns a call's envelope into its result or a thrown DeskError.
 *
 * Both transports answer the same way, so the UI only ever catches DeskError and can show its
 * Vietnamese message as it is.
 */
export function unwrapEnvelope(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const value = envelope as CallEnvelope;
    if (value.ok) return value.result;
    if (isDeskErrorShape(value.error)) throw new DeskError(value.error.code, value.error.message, value.error.details);
  }
  throw new DeskError('internal', 'Phản hồi không hợp lệ từ LNV Desk.');
}
