/// <reference types="@commercetools-frontend/application-config/client" />
import { createRoot } from 'react-dom/client';

import EntryPoint from './components/entry-point/entry-point';

createRoot(document.getElementById('app') as HTMLElement).render(<EntryPoint />);
