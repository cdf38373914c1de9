import { App } from 'antd';
import { useCallback } from 'react';
import { isStoreError, useShowStoreError } from '../../store';

/**
 * Shows why an action failed: a StoreError the way the store wants it shown (a dialog when the disk
 * is full or the page must reload), anything else — core's refusals — as a message with its reason.
 */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const showStoreError = useShowStoreError();
  return useCallback(
    (error: unknown) => {
      if (isStoreError(error)) {
        showStoreError(error);
        return;
      }
      void message.error({ content: error instanceof Error ? error.message : String(error), duration: 8 });
    },
    [message, showStoreError],
  );
}
