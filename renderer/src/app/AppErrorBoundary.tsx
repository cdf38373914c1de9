import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/**
 * The last line of defence: a rendering error anywhere outside a route (providers, the frame) shows
 * what went wrong in Chinese instead of a blank window. Saves are transactions, so nothing saved is
 * lost; reloading starts the app afresh.
 */
export class AppErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('运维台界面出错：', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <AppErrorResult error={this.state.error} />;
  }
}

export function AppErrorResult({ error }: { readonly error: Error }) {
  return (
    <Result
      status="error"
      title="运维台出错了"
      subTitle="已保存的工单和巡检记录不受影响。请重新加载；如果问题反复出现，请把下面的错误信息告诉管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    >
      <Typography.Paragraph code copyable data-testid="app-error-message">
        {error.message}
      </Typography.Paragraph>
    </Result>
  );
}
