/** Every in-app path, in one place. */
export const paths = {
  login: '/accesso',
  home: '/',
  persons: '/persone',
  newPerson: '/persone/nuova',
  projects: '/progetti',
  assessments: '/valutazioni',
  instruments: '/valutazioni/strumenti',
  discharges: '/dimissioni',
  newDischarge: '/dimissioni/nuova',
  notifications: '/notifiche',
  changePassword: '/password',
  indicators: '/indicatori',
  agreements: '/accordi',
  newAgreement: '/accordi/nuovo',
  meetings: '/incontri',
  agenda: '/agenda',
  newMeeting: '/incontri/nuovo',
  admin: '/amministrazione',
  adminOrganizations: '/amministrazione/enti',
  adminTeams: '/amministrazione/equipe',
  adminServiceAccounts: '/amministrazione/sistemi-collegati',
  nomenclatore: '/nomenclatore',
} as const;

/** The patterns of the paths with an id, for `matchPath`. */
export const patterns = {
  person: '/persone/:id',
  newAssessment: '/persone/:id/valutazioni/nuova',
  assessment: '/valutazioni/:id',
  newProject: '/persone/:id/progetti/nuovo',
  project: '/progetti/:id',
  projectPrint: '/progetti/:id/stampa',
  discharge: '/dimissioni/:id',
  adminTeam: '/amministrazione/equipe/:id',
  agreement: '/accordi/:id',
  editAgreement: '/accordi/:id/modifica',
  meeting: '/incontri/:id',
} as const;

/** Builders for the paths with an id. */
export const pathTo = {
  person: (id: string) => `/persone/${encodeURIComponent(id)}`,
  newAssessment: (personId: string) => `/persone/${encodeURIComponent(personId)}/valutazioni/nuova`,
  assessment: (id: string) => `/valutazioni/${encodeURIComponent(id)}`,
  adminTeam: (id: string) => `/amministrazione/equipe/${encodeURIComponent(id)}`,
  /** A project, optionally at one of its sections (`budget`, `consenso`…: see ProjectPage). */
  project: (id: string, section?: string) =>
    `/progetti/${encodeURIComponent(id)}${section ? `?sezione=${encodeURIComponent(section)}` : ''}`,
  projectPrint: (id: string) => `/progetti/${encodeURIComponent(id)}/stampa`,
  discharge: (id: string) => `/dimissioni/${encodeURIComponent(id)}`,
  agreement: (id: string) => `/accordi/${encodeURIComponent(id)}`,
  editAgreement: (id: string) => `/accordi/${encodeURIComponent(id)}/modifica`,
  meeting: (id: string) => `/incontri/${encodeURIComponent(id)}`,
  /** Incontri at a month (`2026-11`). */
  meetingsMonth: (month: string) => `/incontri?mese=${encodeURIComponent(month)}`,
  /** Persone with a search already run (a codice fiscale, a name). */
  personsSearch: (search: string) => `/persone?cerca=${encodeURIComponent(search)}`,
  /** The open-project form, optionally prefilled (a discharge's suggested PAI). */
  newProject: (personId: string, prefill: Record<string, string> = {}) => {
    const query = new URLSearchParams(prefill).toString();
    return `/persone/${encodeURIComponent(personId)}/progetti/nuovo${query ? `?${query}` : ''}`;
  },
} as const;

/** The sign-in page that brings the user back to `returnTo` afterwards. */
export function loginPath(returnTo?: string): string {
  if (!returnTo || returnTo === paths.home || returnTo.startsWith(paths.login)) return paths.login;
  return `${paths.login}?ritorno=${encodeURIComponent(returnTo)}`;
}
