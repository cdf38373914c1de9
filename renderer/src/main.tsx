import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html 中缺少 id 为 root 的挂载点');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
