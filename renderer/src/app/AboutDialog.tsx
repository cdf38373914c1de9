import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useSession } from '../features/session';
import { getHost } from '../host/get-host';
import { describeStorage } from './offline/storage-text';
import { describeOutcome, describeUpdateStatus } from './update-status-text';

const HOST_LABELS = { electron: '桌面版', web: '浏览器版' } as const;

/** 关于: the build, the server this session talks to, and where updates come from with the last check. */
export function AboutDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const version = useQuery({ queryKey: ['host', 'version'], queryFn: () => getHost().getAppVersion() });
  const status = useQuery({
    queryKey: ['host', 'update-status'],
    queryFn: () => getHost().getUpdateStatus(),
    enabled: open,
  });
  const storage = useQuery({
    queryKey: ['browser', 'storage'],
    queryFn: async () =>
      describeStorage(await navigator.storage.estimate(), await navigator.storage.persisted()),
    enabled: open && navigator.storage !== undefined,
  });
  const check = useMutation({
    mutationFn: () => getHost().checkForUpdates(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['host', 'update-status'] }),
  });
  const lines = status.data === undefined ? undefined : describeUpdateStatus(status.data);

  return (
    <Modal open={open} onCancel={onClose} title="关于运维台" footer={<Button onClick={onClose}>关闭</Button>}>
      <Descriptions column={1} size="small" data-testid="about">
        <Descriptions.Item label="版本">
          {version.data === undefined
            ? version.isError
              ? `无法读取：${version.error.message}`
              : '正在读取…'
            : `${HOST_LABELS[version.data.host]} ${version.data.version}`}
        </Descriptions.Item>
        <Descriptions.Item label="服务器">
          {session === null
            ? '尚未登录'
            : session.kind === 'server'
              ? `${session.account.baseUrl}（${session.signedInOffline === null ? '在线登录' : '离线登录'}）`
              : '本机用户，不连接服务器'}
        </Descriptions.Item>
        <Descriptions.Item label="更新">
          {lines?.source ?? (status.isError ? `无法读取：${status.error.message}` : '正在读取…')}
        </Descriptions.Item>
        <Descriptions.Item label="本机存储">
          {storage.data ?? (storage.isError ? `无法读取：${storage.error.message}` : '正在读取…')}
        </Descriptions.Item>
        {lines?.lastCheck === null || lines === undefined ? null : (
          <Descriptions.Item label="上次检查">{lines.lastCheck}</Descriptions.Item>
        )}
      </Descriptions>
      {lines?.canCheck === true ? (
        <Button loading={check.isPending} onClick={() => check.mutate()}>
          立即检查更新
        </Button>
      ) : null}
      {check.isSuccess ? <Alert type="info" showIcon title={describeOutcome(check.data)} /> : null}
      {check.isError ? <Alert type="error" showIcon title={check.error.message} /> : null}
    </Modal>
  );
}
