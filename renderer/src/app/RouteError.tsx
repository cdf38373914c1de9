import { isRouteErrorResponse, useRouteError } from 'react-router';
import { AppErrorResult } from './AppErrorBoundary';
import { NotFoundPage } from './NotFoundPage';

/** A route that failed to render: the frame stays, the page shows the error in Chinese. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const shown =
    error instanceof Error
      ? error
      : new Error(isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error));
  return <AppErrorResult error={shown} />;
}
