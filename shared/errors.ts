/**
 * Errors every front door can show a person. The message is Vietnamese (the working language);
 * the UI may translate by code, the CLI prints the message as it is.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'invalid_file',
  'not_a_database',
  'unauthorized',
  'site_unreachable',
  'site_error',
  'conflict',
  'io_error',
  'internal',
] as const;
export type DeskErrorCode = (typeof ERROR_CODES)[number];

/** Exit code for the CLI: 1 for something the user can fix, 2 for our fault. */
export function exitCodeFor(code: DeskErrorCode): 1 | 2 {
  // A site that is down or answers with an error is the user's situation to fix, not our bug.
  return code === 'internal' || code === 'io_error' ? 2 : 1;
}

export interface DeskErrorShape {
  code: DeskErrorCode;
  message: string;
  details?: string[];
}

export class DeskError extends Error implements DeskErrorShape {
  readonly code: DeskErrorCode;
  readonly details?: string[];

  constructor(code: DeskErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    if (details) this.details = details;
  }

  toJSON(): DeskErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static is(value: unknown): value is DeskError {
    return value instanceof DeskError;
  }
}

export function isDeskErrorShape(value: unknown): value is DeskErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}
