import type { CallName, CallOutput } from '../../shared/contract.js';
import { parseCallInput, parseCallOutput } from '../../shared/contract-validation.js';
import { DeskError } from '../../shared/errors.js';
import type { Handlers, WorkspaceHandlers } from './desk-handlers.js';

export type Dispatch = (name: string, input: unknown) => Promise<unknown>;

/**
 * The one way into the services from any front door: the call name and input are checked against
 * the contract, the handler runs, its output is checked too. Anything unexpected becomes an
 * "internal" DeskError so callers never see a raw stack.
 */
export function createDispatcher(handlers: WorkspaceHandlers & Partial<Handlers>, log: (error: unknown) => void = console.error): Dispatch {
  return async (name, raw) => {
    try {
      const { input } = parseCallInput(name, raw);
      const handler = (handlers as Partial<Handlers>)[name as CallName] as ((input: unknown) => Promise<unknown> | unknown) | undefined;
      // A dispatcher over one workspace (tests, benchmarks) has no data folder to back up or restore.
      if (!handler) throw new DeskError('unknown_call', `Lệnh ${name} chỉ chạy khi LNV Desk mở cả thư mục dữ liệu (ứng dụng, desk serve, desk).`);
      const output = await handler(input);
      return parseCallOutput(name as CallName, output) as CallOutput<CallName>;
    } catch (error) {
      if (DeskError.is(error)) throw error;
      log(error);
      throw new DeskError('internal', `Lỗi nội bộ khi chạy lệnh ${String(name).slice(0, 80)}. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho bộ phận kỹ thuật.`);
    }
  };
}
