import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { encodeScenario, type Scenario } from './scenario';
import { createController } from './state/controller';
import { AppContext } from './state/react';
import { createAppStore } from './state/store';
import { readLink, writeLink } from './state/urlSync';
import { App } from './ui/App';
import { AppErrorBoundary } from './ui/AppErrorBoundary';
import './index.css';

declare global {
  interface Window {
    /**
     * A hook for the end-to-end tests, which run against the production build: crashWorker()
     * makes the simulation worker throw inside a handler (or, with 'hang', never return), so the real error path (message,
     * alert, Restart) is exercised. Harmless to expose: it only stops this page's own worker,
     * which the Restart button replaces; nothing in a link can call it.
     */
    __cascadeLab?: { crashWorker(mode?: 'throw' | 'hang'): void };
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const link = readLink(window.location);
const store = createAppStore(link.scenario);
store.getState().setNotice(link.notice);
// A link that could not be read, or needed correcting, stays in the address bar until the user
// changes the scenario: nothing they were sent is lost, and reopening it shows the same page.
const sentScenario = encodeScenario(link.scenario);
let keepSentLink = link.notice !== null;
const onCommit = (scenario: Scenario) => {
  if (keepSentLink && encodeScenario(scenario) === sentScenario) return;
  keepSentLink = false;
  writeLink(scenario);
};
// Started here, not in an effect: StrictMode runs effects twice.
const controller = createController(store, { onCommit });
controller.start();
window.__cascadeLab = { crashWorker: controller.crashWorker };
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
