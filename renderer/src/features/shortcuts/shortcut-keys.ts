/** A key chord: `key` is KeyboardEvent.key compared without case ("n", "/", "Enter", "Escape", "?"). */
export interface Shortcut {
  readonly key: string;
  /** Ctrl on Windows and Linux; ⌘ counts too, for a Mac in the office. */
  readonly ctrl?: boolean;
  readonly alt?: boolean;
}

/** The fields of a KeyboardEvent a match reads. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** True while an input method (拼音) is composing: Enter then picks a word, it is not a shortcut. */
  readonly isComposing?: boolean;
}

export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  if (event.isComposing === true || event.key === 'Process') return false;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() &&
    (event.ctrlKey || event.metaKey) === (shortcut.ctrl ?? false) &&
    event.altKey === (shortcut.alt ?? false)
  );
}

/** Where typing happens: a plain letter there is text, not a shortcut. */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT';
}

export const NEW_TICKET: Shortcut = { key: 'n' };
export const FOCUS_SEARCH: Shortcut = { key: '/' };
export const SAVE: Shortcut = { key: 'Enter', ctrl: true };
export const CANCEL: Shortcut = { key: 'Escape' };
export const SHOW_HELP: Shortcut = { key: '?' };
/** On the 回访 page: record a visit (N stays the new ticket everywhere). */
export const NEW_VISIT: Shortcut = { key: 'v' };
/** On the 驻场 page: today on site, an ordinary day, in one keystroke. */
export const ON_SITE_TODAY: Shortcut = { key: 't' };

/** "Ctrl + Enter", "N", "Esc", "/". */
export function shortcutText(shortcut: Shortcut): string {
  const key =
    shortcut.key === 'Escape' ? 'Esc' : shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return [shortcut.ctrl ? 'Ctrl' : '', shortcut.alt ? 'Alt' : '', key]
    .filter((part) => part !== '')
    .join(' + ');
}

/** What the help popover lists, in the order people need them. */
export const SHORTCUT_HELP: readonly { readonly shortcut: Shortcut; readonly action: string }[] = [
  { shortcut: NEW_TICKET, action: '新建工单（电话、微信、QQ 报障）' },
  { shortcut: FOCUS_SEARCH, action: '搜索工单（标题、描述、报告人）' },
  { shortcut: SAVE, action: '保存表单或确认对话框' },
  { shortcut: CANCEL, action: '取消编辑、关闭对话框' },
  { shortcut: NEW_VISIT, action: '登记回访（在“回访”页）' },
  { shortcut: ON_SITE_TODAY, action: '登记今天驻场（在“驻场”页）' },
  { shortcut: SHOW_HELP, action: '显示本快捷键列表' },
];
