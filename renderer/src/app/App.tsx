import { SubsystemsPage } from '../features/subsystems/SubsystemsPage';
import { AppFrame } from './AppFrame';
import { AppProviders } from './AppProviders';
import './app.css';

export function App() {
  return (
    <AppProviders>
      <AppFrame>
        <SubsystemsPage />
      </AppFrame>
    </AppProviders>
  );
}
