/**
 * Things the database reports outside any call, which the UI must show: another window waits for
 * this one to close (`blocked`), a newer window upgraded the database or it was deleted, so this
 * window was disconnected (`version`).
 */
export interface StoreNotice {
  readonly kind: 'blocked' | 'version';
  readonly message: string;
}

export type StoreNoticeListener = (notice: StoreNotice) => void;

export const BLOCKED_MESSAGE =
  '本地数据库正在升级，但另一个运维台窗口或标签页仍在使用旧版本：请关闭其他运维台窗口，升级会自动继续。已保存的内容不会丢失。';

export const SUPERSEDED_MESSAGE =
  '另一个窗口中更新版本的运维台升级了本地数据库，当前窗口已断开以免写坏数据：请重新加载页面（Ctrl+R）。已保存的内容都在。';

export const DELETED_MESSAGE =
  '本地数据库已被另一个窗口删除或重置，当前窗口已断开：请重新加载页面（Ctrl+R）。';
