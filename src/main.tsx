import { StrictMode } from 'react';
import { startEmbeddedSimulatorIfNeeded } from './app/start-simulator';
import './styles/app.css';

// The static shell of index.html shows My Programs' heading; any other screen gets grey blocks.
if (window.location.pathname.replace(/\/$/, '') !== import.meta.env.BASE_URL.replace(/\/$/, ''))
  document.documentElement.classList.add('shell-deep');

// The embedded simulator must answer before the first request, so it starts before the first
// render. The console's code and React DOM are chunks of their own that download at the same time
// as the simulator, not after it: the entry itself stays a few kB (issue #5).
const app = import('./app/app');
const dom = import('react-dom/client');

void Promise.all([app, dom, startEmbeddedSimulatorIfNeeded()]).then(([{ App }, { createRoot }]) => {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
