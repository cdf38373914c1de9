import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { getHost } from '../host/get-host';
import { AboutDialog } from './AboutDialog';
import { NewVersionNotice } from './offline/NewVersionNotice';

const HOST_LABELS = { electron: '桌面版', web: '浏览器版' } as const;

/** Which build is running, for the user to quote when reporting a problem, and the way to 关于. */
export function HostVersion() {
  const version = useQuery({ queryKey: ['host', 'version'], queryFn: () => getHost().getAppVersion() });
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <>
      {version.isError ? (
        <Typography.Text type="danger">无法读取版本：{version.error.message}</Typography.Text>
      ) : (
        <Typography.Text type="secondary" className="host-version" data-testid="host-version">
          {version.data === undefined
            ? '正在读取版本…'
            : `${HOST_LABELS[version.data.host]} ${version.data.version}`}
        </Typography.Text>
      )}{' '}
      <Typography.Link onClick={() => setAboutOpen(true)}>关于</Typography.Link>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
      <NewVersionNotice />
    </>
  );
}
