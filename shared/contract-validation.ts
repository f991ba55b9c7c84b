import { z } from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type CallParsedInput } from './contract.js';
import { DeskError } from './errors.js';

z.config(z.locales.vi());

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(toàn bộ)';
    return `${where}: ${issue.message}`;
  });
}

/** Checks a call name and its input against the contract; throws a DeskError in Vietnamese. */
export function parseCallInput<N extends CallName>(name: string, raw: unknown): { name: N; input: CallParsedInput<N> } {
  if (!isCallName(name)) {
    throw new DeskError('unknown_call', `Không có lệnh "${name.slice(0, 80)}".`);
  }
  const result = contract[name].input.safeParse(raw ?? {});
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new DeskError('invalid_input', `Dữ liệu gửi cho lệnh ${name} không hợp lệ: ${details.join('; ')}`, details);
  }
  return { name: name as N, input: result.data as CallParsedInput<N> };
}

/** Output checks catch a service that drifted from the contract before the UI sees bad data. */
export function parseCallOutput<N extends CallName>(name: N, raw: unknown): CallOutput<N> {
  const result = contract[name].output.safeParse(raw);
  if (!result.success) {
    throw new DeskError('internal', `Kết quả của lệnh ${name} sai định dạng.`, describeIssues(result.error));
  }
  return result.data as CallOutput<N>;
}
