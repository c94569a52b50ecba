import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createController } from './state/controller';
import { AppContext } from './state/react';
import { createAppStore } from './state/store';
import { browserStorage, readLast, saveLast } from './state/storage';
import { createAddressSync, followView, hasLink, readLink } from './state/urlSync';
import { openStageOf, pendingMask, tourCompare, tourScenario, tourTeach } from './state/tour';
import type { Scenario } from './scenario';
import { App } from './ui/App';
import { AppErrorBoundary } from './ui/AppErrorBoundary';
import './index.css';

declare global {
  interface Window {
    /**
     * A hook for the end-to-end tests, which run against a production build made with
     * VITE_E2E_HOOKS=1: crashWorker() makes the simulation worker throw inside a handler (or, with
     * 'hang', never return), so the real error paths (message, alert, Restart) are exercised.
     * Not in the normal build.
     */
    __cascadeLab?: { crashWorker(mode?: 'throw' | 'hang'): void };
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A link wins; without one, the scenario of the last visit comes back.
const storage = browserStorage();
const link = hasLink(window.location)
  ? readLink(window.location)
  : (readLast(storage) ?? readLink(window.location));
// A bare tour link runs the stage's market: that is the scenario the address policy sees too.
const opened = { ...link, scenario: tourScenario(link.scenario, link.view) };
const store = createAppStore(opened.scenario);
store.getState().setNotice(link.notice);
// A compare link opens in compare mode: B runs beside A from the start.
// A tour stage that changes one thing of a market opens beside it (scenario/tours.ts).
const compare = tourCompare(link.view, link.compare ?? null);
if (compare) store.getState().setCompare(compare);
// The minute opens the run; the preset label follows the values; the rest stays in force.
const teach = tourTeach({ ...link.view });
delete teach.t;
delete teach.preset;
delete teach.present;
store.getState().setTeach(teach);
store.getState().setPresent(link.view.present === true);
followView(store);
const followAddress = createAddressSync(store, opened);
const onCommit = (scenario: Scenario) => {
  followAddress(scenario);
  saveLast(storage, scenario);
};
// Started here, not in an effect: StrictMode runs effects twice.
const controller = createController(store, { onCommit });
controller.start(link.view.t);
if (teach.autoplay) {
  const stage = openStageOf(teach)?.stage;
  controller.play(stage ? pendingMask(null, stage) : 0);
}
if (import.meta.env.VITE_E2E_HOOKS === '1') {
  window.__cascadeLab = { crashWorker: controller.crashWorker };
}
const services = { store, controller };

// Offline after the first visit (public/sw.js), in built pages only: the dev server never caches.
// Registered after load, so it never competes with the first run; a refusal changes nothing.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    // The entry chunk's hashed name names the build, so a new deploy installs a new cache.
    const build = new URL(import.meta.url).pathname.split('/').pop() ?? '';
    navigator.serviceWorker
      .register(`./sw.js?build=${encodeURIComponent(build)}`)
      .catch(() => undefined);
  });
}

createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <AppContext value={services}>
        <App />
      </AppContext>
    </AppErrorBoundary>
  </StrictMode>,
);
