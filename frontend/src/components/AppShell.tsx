import {
  Button,
  Collapse,
  Header,
  HeaderBrand,
  HeaderContent,
  HeaderRightZone,
  Headers,
  HeaderToggler,
  Icon,
  Nav,
  NavItem,
  NavLink,
} from 'design-react-kit';
import { useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { roleLabels } from '../i18n/enums';
import { shellCopy } from '../i18n/it';
import { backgroundContext } from '../graphql/client';
import { paths } from '../routes';
import { useLocation } from '../router/router';
import { useSession, useViewer } from '../session/session';
import { navigationFor } from './navigation';

/** How many notifications the viewer has not read yet: the badge next to "Notifiche". */
export const unreadCountQuery = graphql(`
  query UnreadNotificationCount {
    notifications(unreadOnly: true, first: 0) {
      totalCount
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
// In the background: the poll must not keep an idle session open.
const unreadContext = { additionalTypenames: ['Notification'], ...backgroundContext };
/** How often the badge asks for the unread count while the app is open. */
export const UNREAD_POLL_MS = 60_000;

function isCurrent(to: string, pathname: string): boolean {
  return to === paths.home ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
}

/** Header (owner line, user and "Esci"; brand; main navigation), content, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  // The page the menu was opened on: navigating elsewhere closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenOn(open ? pathname : null);
  const [signingOut, setSigningOut] = useState(false);
  const [unread, refreshUnread] = useQuery({ query: unreadCountQuery, context: unreadContext });
  const unreadCount = unread.data?.notifications.totalCount ?? 0;

  // Every navigation asks again, and every minute while the app stays open on
  // one page: a new notification shows without reloading it.
  useEffect(() => refreshUnread({ requestPolicy: 'network-only' }), [pathname, refreshUnread]);
  useEffect(() => {
    const timer = window.setInterval(() => refreshUnread({ requestPolicy: 'network-only' }), UNREAD_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refreshUnread]);

  const entries = navigationFor(viewer);

  return (
    <div className="ponte-app d-flex flex-column min-vh-100">
      <ul className="ponte-skiplinks list-unstyled mb-0">
        <li>
          <a className="visually-hidden-focusable" href="#contenuto">
            {shellCopy.skipToContent}
          </a>
        </li>
        <li>
          <a className="visually-hidden-focusable" href="#navigazione">
            {shellCopy.skipToNavigation}
          </a>
        </li>
      </ul>
      <Headers>
        <Header type="slim">
          <HeaderContent>
            {/* On small screens the slim bar keeps only the user and "Esci". */}
            <HeaderBrand tag="span">{shellCopy.ownerLine}</HeaderBrand>
            <HeaderRightZone>
              <p className="ponte-user mb-0 me-3">
                <span className="visually-hidden">{shellCopy.signedInAs} </span>
                <strong data-testid="utente-collegato">{viewer.displayName}</strong>
                <span className="d-none d-md-inline"> · {roleLabels[viewer.role]}</span>
                <a
                  href={paths.changePassword}
                  className="ponte-user-link ms-2"
                  aria-current={pathname === paths.changePassword ? 'page' : undefined}
                >
                  {shellCopy.changePassword}
                </a>
              </p>
              <Button
                color="primary"
                size="sm"
                className="ponte-signout"
                disabled={signingOut}
                onClick={async () => {
                  setSigningOut(true);
                  await signOut();
                }}
              >
                {signingOut ? shellCopy.signingOut : shellCopy.signOut}
              </Button>
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center">
            <HeaderContent>
              <HeaderBrand href={paths.home}>
                <div className="it-brand-title">{shellCopy.appName}</div>
                <div className="it-brand-tagline">{shellCopy.tagline}</div>
              </HeaderBrand>
            </HeaderContent>
          </Header>
          <Header type="navbar" theme="">
            <HeaderContent expand="lg" megamenu={false}>
              <HeaderToggler
                aria-controls="navigazione"
                aria-expanded={menuOpen}
                aria-label={shellCopy.openMenu}
                onClick={() => setMenuOpen(!menuOpen)}
              >
                <Icon icon="it-burger" />
              </HeaderToggler>
              <Collapse
                id="navigazione"
                isOpen={menuOpen}
                navbar
                header
                closeSrText={shellCopy.closeMenu}
                onOverlayClick={() => setMenuOpen(false)}
              >
                <div className="menu-wrapper">
                  <nav aria-label={shellCopy.mainNavigation}>
                    <Nav navbar>
                      {entries.map((entry) => {
                        const current = isCurrent(entry.to, pathname);
                        return (
                          <NavItem key={entry.to} active={current}>
                            <NavLink href={entry.to} active={current} aria-current={current ? 'page' : undefined}>
                              <span>{entry.label}</span>
                              {entry.to === paths.notifications && unreadCount > 0 && (
                                <span className="badge rounded-pill ponte-count ms-2" data-testid="notifiche-non-lette">
                                  <span aria-hidden="true">{unreadCount}</span>
                                  <span className="visually-hidden"> ({shellCopy.unreadBadge(unreadCount)})</span>
                                </span>
                              )}
                            </NavLink>
                          </NavItem>
                        );
                      })}
                    </Nav>
                  </nav>
                </div>
              </Collapse>
            </HeaderContent>
          </Header>
        </div>
      </Headers>
      <main id="contenuto" tabIndex={-1} className="container-xxl flex-grow-1 py-5 px-4">
        {children}
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints clearfix">
          <div className="container-xxl px-4">
            <p className="mb-0 py-3 text-white">{shellCopy.footer}</p>
          </div>
        </div>
      </footer>
    </div>
  );
}

/** The frame of the pages seen before signing in: brand and content, no navigation. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="ponte-app d-flex flex-column min-vh-100">
      <ul className="ponte-skiplinks list-unstyled mb-0">
        <li>
          <a className="visually-hidden-focusable" href="#contenuto">
            {shellCopy.skipToContent}
          </a>
        </li>
      </ul>
      <Headers>
        <Header type="slim">
          <HeaderContent>
            <HeaderBrand tag="span" responsive>
              {shellCopy.ownerLine}
            </HeaderBrand>
          </HeaderContent>
        </Header>
        <Header type="center">
          <HeaderContent>
            <HeaderBrand href={paths.home}>
              <div className="it-brand-title">{shellCopy.appName}</div>
              <div className="it-brand-tagline">{shellCopy.tagline}</div>
            </HeaderBrand>
          </HeaderContent>
        </Header>
      </Headers>
      <main id="contenuto" tabIndex={-1} className="container-xxl flex-grow-1 py-5 px-4">
        {children}
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints clearfix">
          <div className="container-xxl px-4">
            <p className="mb-0 py-3 text-white">{shellCopy.footer}</p>
          </div>
        </div>
      </footer>
    </div>
  );
}
