import { Space } from 'antd';
import type { ReactNode } from 'react';

/** A field with words fixed before and/or after it (“下限 [ ]”, “每月 [ ] 日前”). */
export function AddonField({
  before,
  after,
  width,
  children,
}: {
  readonly before?: string;
  readonly after?: string;
  readonly width: number;
  readonly children: ReactNode;
}) {
  return (
    <Space.Compact style={{ width }}>
      {before === undefined ? null : <Space.Addon>{before}</Space.Addon>}
      {children}
      {after === undefined ? null : <Space.Addon>{after}</Space.Addon>}
    </Space.Compact>
  );
}
