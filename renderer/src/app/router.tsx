import type { ComponentType } from 'react';
import { createHashRouter, Outlet } from 'react-router';
import { SessionGate } from '../features/session';
import { SubsystemsPage } from '../features/subsystems/SubsystemsPage';
import { SyncStatusPage } from '../features/sync-status';
import { AppFrame } from './AppFrame';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** The signed-in frame around every page: no page renders without a session and its store. */
function SignedInFrame() {
  return (
    <SessionGate>
      <AppFrame>
        <Outlet />
      </AppFrame>
    </SessionGate>
  );
}

/** A page from a feature's chunk, loaded when first visited so startup parses only the frame. */
function page(load: () => Promise<ComponentType>) {
  return async () => ({ Component: await load() });
}

const tickets = () => import('../features/tickets');
const inspections = () => import('../features/inspections');
const duty = () => import('../features/duty');
const visits = () => import('../features/visits');
const trainings = () => import('../features/trainings');

/**
 * Hash routes (`#/tickets/…`) work the same under the desktop shell's app:// origin and any static
 * file server, with no server-side fallback.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <SignedInFrame />,
      errorElement: <RouteError />,
      children: [
        {
          // Errors of a page render inside the frame, so the menu stays usable.
          errorElement: <RouteError />,
          children: [
            // After sign-in the app opens on the user's own work; the contract table is a page of its own.
            {
              index: true,
              lazy: page(async () => (await import('../features/today/MyWorkPage')).MyWorkPage),
            },
            {
              path: 'dashboard',
              lazy: page(async () => (await import('../features/dashboard')).DashboardPage),
            },
            {
              path: 'reminders',
              lazy: page(async () => (await import('../features/reminders')).RemindersPage),
            },
            { path: 'subsystems', element: <SubsystemsPage /> },
            {
              path: 'calendar',
              lazy: page(async () => (await import('../features/calendar')).CalendarPage),
            },
            { path: 'tickets', lazy: page(async () => (await tickets()).TicketListPage) },
            { path: 'tickets/new', lazy: page(async () => (await tickets()).TicketNewPage) },
            { path: 'tickets/:id', lazy: page(async () => (await tickets()).TicketDetailPage) },
            { path: 'inspections', lazy: page(async () => (await inspections()).InspectionCalendarPage) },
            {
              path: 'inspections/run/:runId',
              lazy: page(async () => (await inspections()).InspectionRunPage),
            },
            {
              path: 'inspections/templates',
              lazy: page(async () => (await inspections()).InspectionTemplatesPage),
            },
            { path: 'trainings', lazy: page(async () => (await trainings()).TrainingListPage) },
            { path: 'trainings/new', lazy: page(async () => (await trainings()).TrainingNewPage) },
            { path: 'trainings/:id', lazy: page(async () => (await trainings()).TrainingDetailPage) },
            { path: 'visits', lazy: page(async () => (await visits()).VisitsPage) },
            { path: 'visits/new', lazy: page(async () => (await visits()).VisitEditPage) },
            { path: 'visits/:id', lazy: page(async () => (await visits()).VisitEditPage) },
            { path: 'onsite', lazy: page(async () => (await import('../features/onsite')).OnSitePage) },
            { path: 'duty', lazy: page(async () => (await duty()).DutyPage) },
            { path: 'duty/log/:id', lazy: page(async () => (await duty()).DutyLogPage) },
            {
              path: 'reports',
              lazy: page(async () => (await import('../features/reports')).ReportsPage),
            },
            { path: 'sync', element: <SyncStatusPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
