import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppErrorBoundary } from './AppErrorBoundary';
import { AppProviders } from './AppProviders';
import { createAppRouter } from './router';
import './app.css';

// The bench and crash-test hook exists only in a `vite build --mode bench` bundle: the condition is
// a build-time constant, so production builds drop the import and the module entirely.
if (import.meta.env.MODE === 'bench') {
  void import('./bench/bench-hook').then(({ installBenchHook }) => installBenchHook());
}

export function App() {
  const [router] = useState(createAppRouter);
  return (
    <AppErrorBoundary>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </AppErrorBoundary>
  );
}
