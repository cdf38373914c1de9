import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from '../protocol/app-origin';

/**
 * Why a call must be refused, or undefined when it comes from our own page: the top frame of a window
 * showing app://. Subframes and anything navigated elsewhere are refused even though the preload only
 * runs in our windows, so a future iframe or a navigation bug cannot reach host services.
 */
export function senderProblem(event: IpcMainInvokeEvent): string | undefined {
  const frame = event.senderFrame;
  if (frame === null) return '发起调用的页面已关闭或已跳转';
  if (frame.parent !== null) return '只接受程序主页面的调用，不接受内嵌框架的调用';
  if (!isAppUrl(frame.url)) return `不接受来自 ${frame.url || '空白页'} 的调用`;
  return undefined;
}
