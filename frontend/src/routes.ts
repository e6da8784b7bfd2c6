/** Every in-app path, in one place. */
export const paths = {
  login: '/accesso',
  home: '/',
  persons: '/persone',
  projects: '/progetti',
  assessments: '/valutazioni',
  discharges: '/dimissioni',
  notifications: '/notifiche',
  admin: '/amministrazione',
  adminOrganizations: '/amministrazione/enti',
} as const;

/** The sign-in page that brings the user back to `returnTo` afterwards. */
export function loginPath(returnTo?: string): string {
  if (!returnTo || returnTo === paths.home || returnTo.startsWith(paths.login)) return paths.login;
  return `${paths.login}?ritorno=${encodeURIComponent(returnTo)}`;
}
