import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startEmbeddedSimulatorIfNeeded } from './app/start-simulator';
import './styles/app.css';

function render() {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The embedded simulator must answer before the first request, so it starts before the first render.
void startEmbeddedSimulatorIfNeeded().then(render);
