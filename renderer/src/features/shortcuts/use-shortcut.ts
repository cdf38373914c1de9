import { useEffect, useEffectEvent } from 'react';
import type { Shortcut } from './shortcut-keys';
import { pageShortcuts } from './shortcut-registry';

let listening = 0;
const onKeyDownCapture = (event: KeyboardEvent) => {
  pageShortcuts.dispatch(event, 'capture');
};
const onKeyDown = (event: KeyboardEvent) => {
  pageShortcuts.dispatch(event, 'bubble');
};

/**
 * Binds a shortcut while the component is mounted (and `enabled`). Plain keys are ignored while the
 * user types in a field unless `inTextFields`.
 */
export function useShortcut(
  shortcut: Shortcut,
  run: () => void,
  options: { readonly enabled?: boolean; readonly inTextFields?: boolean } = {},
): void {
  const onShortcut = useEffectEvent(run);
  const { enabled = true, inTextFields = false } = options;
  const { key, ctrl, alt } = shortcut;
  useEffect(() => {
    if (!enabled) return undefined;
    if (listening === 0) {
      window.addEventListener('keydown', onKeyDownCapture, true);
      window.addEventListener('keydown', onKeyDown);
    }
    listening += 1;
    const unregister = pageShortcuts.register({
      shortcut: { key, ctrl, alt },
      run: () => onShortcut(),
      inTextFields,
    });
    return () => {
      unregister();
      listening -= 1;
      if (listening === 0) {
        window.removeEventListener('keydown', onKeyDownCapture, true);
        window.removeEventListener('keydown', onKeyDown);
      }
    };
  }, [enabled, inTextFields, key, ctrl, alt]);
}
