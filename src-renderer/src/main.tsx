import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { transportKind } from './api/client';
import { restoreAndRememberRoutes } from './lib/remembered-route';
import './styles/theme.css';
import './styles/base.css';

if (transportKind === 'ipc') restoreAndRememberRoutes(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
