import { render } from '@testing-library/react';
import { App } from '../App';
import { SessionProvider } from '../session/session';
import type { fakeServer } from './fakeServer';

/** The whole app, opened at `path`, against a fake server. */
export function renderAt(path: string, server: ReturnType<typeof fakeServer>) {
  window.history.replaceState(null, '', path);
  return render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
}
