import { App } from 'antd';
import { useCallback } from 'react';
import { isStoreError } from '../errors/store-error';
import { toStoreError } from '../errors/to-store-error';

/**
 * Shows a failed save the way its kind needs: a dialog for what the user must act on (disk full,
 * reload), a message for the rest. Anything that is not a StoreError is shown with its own message.
 */
export function useShowStoreError(): (error: unknown) => void {
  const { message, modal } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const storeError = isStoreError(error) ? error : toStoreError(error, '操作');
      switch (storeError.kind) {
        case 'quota':
          modal.error({ title: '磁盘空间不足，未能保存', content: storeError.message });
          return;
        case 'version':
          modal.warning({
            title: '请重新加载运维台',
            content: storeError.message,
            okText: '重新加载',
            onOk: () => window.location.reload(),
          });
          return;
        case 'conflict':
        case 'invalid':
        case 'unknown':
          void message.error(storeError.message);
          return;
      }
    },
    [message, modal],
  );
}
