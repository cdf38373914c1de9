import { describe, expect, it, vi } from 'vitest';
import {
  CANCEL,
  isTypingTarget,
  matchesShortcut,
  NEW_TICKET,
  SAVE,
  SHOW_HELP,
  shortcutText,
} from './shortcut-keys';
import { ShortcutRegistry, type KeyEventLike } from './shortcut-registry';

const key = (value: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  defaultPrevented: false,
  preventDefault: vi.fn(),
  stopPropagation: vi.fn(),
  ...extra,
});

describe('matchesShortcut', () => {
  it('matches the key without case and the modifiers exactly', () => {
    expect(matchesShortcut(key('n'), NEW_TICKET)).toBe(true);
    expect(matchesShortcut(key('N'), NEW_TICKET)).toBe(true);
    expect(matchesShortcut(key('n', { ctrlKey: true }), NEW_TICKET)).toBe(false);
    expect(matchesShortcut(key('Enter', { ctrlKey: true }), SAVE)).toBe(true);
    expect(matchesShortcut(key('Enter', { metaKey: true }), SAVE)).toBe(true);
    expect(matchesShortcut(key('Enter'), SAVE)).toBe(false);
    expect(matchesShortcut(key('?'), SHOW_HELP)).toBe(true);
  });

  it('ignores keys an input method is composing with', () => {
    expect(matchesShortcut(key('Enter', { ctrlKey: true, isComposing: true }), SAVE)).toBe(false);
    expect(matchesShortcut(key('Process'), NEW_TICKET)).toBe(false);
  });

  it('knows where typing happens', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('writes chords as the help shows them', () => {
    expect(shortcutText(SAVE)).toBe('Ctrl + Enter');
    expect(shortcutText(NEW_TICKET)).toBe('N');
    expect(shortcutText(CANCEL)).toBe('Esc');
  });
});

describe('ShortcutRegistry', () => {
  it('runs the latest registration of a chord and stops the browser’s default', () => {
    const registry = new ShortcutRegistry();
    const page = vi.fn();
    const dialog = vi.fn();
    registry.register({ shortcut: CANCEL, run: page });
    const unregister = registry.register({ shortcut: CANCEL, run: dialog });
    const event = key('Escape');
    expect(registry.dispatch(event)).toBe(true);
    expect(dialog).toHaveBeenCalledOnce();
    expect(page).not.toHaveBeenCalled();
    expect(event.preventDefault).toHaveBeenCalled();
    unregister();
    registry.dispatch(key('Escape'));
    expect(page).toHaveBeenCalledOnce();
    expect(registry.size).toBe(1);
  });

  it('leaves plain keys to text fields, but not the chords meant for them', () => {
    const registry = new ShortcutRegistry();
    const create = vi.fn();
    const save = vi.fn();
    registry.register({ shortcut: NEW_TICKET, run: create });
    registry.register({ shortcut: SAVE, run: save, inTextFields: true });
    expect(registry.dispatch(key('n', { target: { tagName: 'INPUT' } }))).toBe(false);
    expect(
      registry.dispatch(key('Enter', { ctrlKey: true, target: { tagName: 'TEXTAREA' } }), 'capture'),
    ).toBe(true);
    expect(create).not.toHaveBeenCalled();
    expect(save).toHaveBeenCalledOnce();
  });

  it('takes chords before the focused control does, and plain keys after it', () => {
    const registry = new ShortcutRegistry();
    const save = vi.fn();
    const cancel = vi.fn();
    registry.register({ shortcut: SAVE, run: save, inTextFields: true });
    registry.register({ shortcut: CANCEL, run: cancel, inTextFields: true });
    const chord = key('Enter', { ctrlKey: true });
    expect(registry.dispatch(chord, 'bubble')).toBe(false);
    expect(registry.dispatch(chord, 'capture')).toBe(true);
    expect(chord.stopPropagation).toHaveBeenCalled();
    // Ctrl+Enter saves even from a Select whose list is open.
    const openList = { tagName: 'INPUT', getAttribute: () => 'true' };
    expect(registry.dispatch(key('Enter', { ctrlKey: true, target: openList }), 'capture')).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(registry.dispatch(key('Escape'), 'capture')).toBe(false);
    expect(registry.dispatch(key('Escape'), 'bubble')).toBe(true);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('leaves Esc and Enter to a dropdown whose list is open', () => {
    const registry = new ShortcutRegistry();
    const run = vi.fn();
    registry.register({ shortcut: CANCEL, run, inTextFields: true });
    const openList = {
      tagName: 'INPUT',
      getAttribute: (name: string) => (name === 'aria-expanded' ? 'true' : null),
    };
    expect(registry.dispatch(key('Escape', { target: openList }))).toBe(false);
    const closedList = { tagName: 'INPUT', getAttribute: () => 'false' };
    expect(registry.dispatch(key('Escape', { target: closedList }))).toBe(true);
  });

  it('does nothing for an event something else already handled', () => {
    const registry = new ShortcutRegistry();
    const run = vi.fn();
    registry.register({ shortcut: CANCEL, run });
    expect(registry.dispatch(key('Escape', { defaultPrevented: true }))).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });
});
