export {
  CANCEL,
  FOCUS_SEARCH,
  NEW_TICKET,
  NEW_VISIT,
  ON_SITE_TODAY,
  SAVE,
  SHOW_HELP,
  SHORTCUT_HELP,
  isTypingTarget,
  matchesShortcut,
  shortcutText,
  type KeyLike,
  type Shortcut,
} from './shortcut-keys';
export { useShortcut } from './use-shortcut';
export { ShortcutHelp } from './ShortcutHelp';
export { AppShortcuts } from './AppShortcuts';
