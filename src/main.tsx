import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createController } from './state/controller';
import { AppContext } from './state/react';
import { createAppStore } from './state/store';
import { createAddressSync, readLink } from './state/urlSync';
import { App } from './ui/App';
import { AppErrorBoundary } from './ui/AppErrorBoundary';
import './index.css';

declare global {
  interface Window {
    /**
     * A hook for the end-to-end tests, which run against a production build made with
     * VITE_E2E_HOOKS=1: crashWorker() makes the simulation worker throw inside a handler, so the
     * real error path (message, alert, Restart) is exercised. Not in the normal build.
     */
    __cascadeLab?: { crashWorker(): void };
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const link = readLink(window.location);
const store = createAppStore(link.scenario);
store.getState().setNotice(link.notice);
// Started here, not in an effect: StrictMode runs effects twice.
const controller = createController(store, { onCommit: createAddressSync(store, link) });
controller.start(link.view.t);
if (import.meta.env.VITE_E2E_HOOKS === '1') {
  window.__cascadeLab = { crashWorker: controller.crashWorker };
}
const services = { store, controller };

createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <AppContext value={services}>
        <App />
      </AppContext>
    </AppErrorBoundary>
  </StrictMode>,
);
