import { useNavigate } from 'react-router';
import { NEW_TICKET } from './shortcut-keys';
import { useShortcut } from './use-shortcut';

/**
 * The shortcuts that work on every page: N opens a new ticket (a phone rings whatever screen is up).
 * Mounted once by the app frame; pages add their own (/ to search, Ctrl+Enter to save, Esc to cancel).
 */
export function AppShortcuts() {
  const navigate = useNavigate();
  useShortcut(NEW_TICKET, () => void navigate('/tickets/new'));
  return null;
}
