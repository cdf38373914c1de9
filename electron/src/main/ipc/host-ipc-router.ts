import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  describeSchemaIssues,
  HOST_CONTRACT,
  HOST_METHODS,
  type HostMethod,
  type HostReply,
  type HostRequest,
  type HostResult,
} from '@core/host';
import { senderProblem } from './sender-check';

export interface HostCallContext {
  /** The WebContents that made the call, e.g. to print it or to parent a dialog. */
  readonly sender: WebContents;
}

export type HostHandler<M extends HostMethod> = (
  request: HostRequest<M>,
  context: HostCallContext,
) => Promise<HostResult<M>>;

export type HostHandlers = { readonly [M in HostMethod]: HostHandler<M> };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks the sender, validates the payload against the contract, then runs the handler. */
async function dispatch<M extends HostMethod>(
  method: M,
  handler: HostHandler<M>,
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<HostReply<HostResult<M>>> {
  const { channel, request } = HOST_CONTRACT[method];
  const refusal = senderProblem(event);
  if (refusal !== undefined) {
    console.warn(`[ipc] 拒绝 ${channel}：${refusal}`);
    return { ok: false, message: `已拒绝调用 ${channel}：${refusal}` };
  }
  const parsed = request.safeParse(payload);
  if (!parsed.success) {
    const problems = describeSchemaIssues(parsed.error);
    console.warn(`[ipc] ${channel} 参数无效：${problems}`);
    return { ok: false, message: `调用 ${channel} 的参数无效：${problems}` };
  }
  try {
    const value = await handler(parsed.data as HostRequest<M>, { sender: event.sender });
    return { ok: true, value };
  } catch (error) {
    console.error(`[ipc] ${channel} 执行失败`, error);
    return { ok: false, message: errorMessage(error) };
  }
}

/**
 * Registers one `ipcMain.handle` per contract channel. Taking every handler at once means a HostApi
 * method without a main-process implementation is a type error, not a runtime surprise.
 * Returns a function that removes the handlers again.
 */
export function registerHostHandlers(handlers: HostHandlers): () => void {
  for (const method of HOST_METHODS) {
    register(method, handlers[method]);
  }
  return () => {
    for (const method of HOST_METHODS) ipcMain.removeHandler(HOST_CONTRACT[method].channel);
  };
}

function register<M extends HostMethod>(method: M, handler: HostHandler<M>): void {
  ipcMain.handle(HOST_CONTRACT[method].channel, (event, payload: unknown) =>
    dispatch(method, handler, event, payload),
  );
}
