import { App as AntApp, Button } from 'antd';
import { useEffect, useState } from 'react';
import { type ServiceWorkerControl, registerServiceWorker, requestPersistentStorage } from './service-worker';

let control: ServiceWorkerControl | null | undefined;
const listeners = new Set<() => void>();
let newVersionWaiting = false;

/** Once per page, whatever React mounts twice: one registration, one persistence request. */
function startOnce(): void {
  if (control !== undefined) return;
  control = registerServiceWorker(() => {
    newVersionWaiting = true;
    for (const listener of listeners) listener();
  });
  if (control !== null) {
    requestPersistentStorage().catch((error: unknown) => console.error('无法申请持久存储：', error));
  }
}

/**
 * "新版本可用": the server has a newer browser build. It is taken when every tab of the app is closed
 * and opened again, or now at the user's click, after a warning, since taking it reloads the page.
 */
export function NewVersionNotice() {
  const { modal } = AntApp.useApp();
  const [waiting, setWaiting] = useState(newVersionWaiting);

  useEffect(() => {
    startOnce();
    const listener = () => setWaiting(true);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  if (!waiting || control === null || control === undefined) return null;
  const take = control.takeUpdate;
  return (
    <Button
      type="primary"
      size="small"
      data-testid="new-version"
      onClick={() =>
        modal.confirm({
          title: '新版本可用',
          content:
            '更新会重新载入运维台：请先保存正在填写的内容，未保存的内容会丢失。也可以稍后更新，下次打开运维台时自动使用新版本。',
          okText: '现在更新',
          cancelText: '稍后',
          onOk: () => take(),
        })
      }
    >
      新版本可用
    </Button>
  );
}
