import { isTypingTarget, matchesShortcut, type KeyLike, type Shortcut } from './shortcut-keys';

export interface ShortcutRegistration {
  readonly shortcut: Shortcut;
  readonly run: () => void;
  /** Also while the focus is in a text field (Ctrl+Enter, Esc); plain keys are text there. */
  readonly inTextFields?: boolean;
}

export interface KeyEventLike extends KeyLike {
  readonly target: unknown;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

/**
 * The page's shortcuts. The latest registration of a chord wins (a dialog's Esc over the page's), so
 * nested parts of the page can claim a key while they are shown. One listener serves them all.
 */
export class ShortcutRegistry {
  private readonly registrations: ShortcutRegistration[] = [];

  register(registration: ShortcutRegistration): () => void {
    this.registrations.push(registration);
    return () => {
      const index = this.registrations.lastIndexOf(registration);
      if (index >= 0) this.registrations.splice(index, 1);
    };
  }

  get size(): number {
    return this.registrations.length;
  }

  /**
   * Runs the shortcut the event is for, if any; true when one ran. Chords with Ctrl or Alt are taken
   * in the capture phase, before a focused control can act on the key (a Select opens its list on
   * Enter, even with Ctrl held); plain keys in the bubble phase, after controls had their say (Esc
   * closes an open list, not the page).
   */
  dispatch(event: KeyEventLike, phase: 'capture' | 'bubble' = 'bubble'): boolean {
    const chord = event.ctrlKey || event.metaKey || event.altKey;
    if (chord !== (phase === 'capture')) return false;
    if (event.defaultPrevented || (!chord && ownsItsKeys(event.target))) return false;
    const typing = isTypingTarget(event.target);
    for (let index = this.registrations.length - 1; index >= 0; index -= 1) {
      const registration = this.registrations[index];
      if (registration === undefined || !matchesShortcut(event, registration.shortcut)) continue;
      if (typing && registration.inTextFields !== true) continue;
      event.preventDefault();
      if (chord) event.stopPropagation();
      registration.run();
      return true;
    }
    return false;
  }
}

/** A combobox or picker with its list open uses Enter and Esc itself (pick, close the list). */
function ownsItsKeys(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { getAttribute?: unknown };
  return (
    typeof element.getAttribute === 'function' &&
    (element as Element).getAttribute('aria-expanded') === 'true'
  );
}

export const pageShortcuts = new ShortcutRegistry();
