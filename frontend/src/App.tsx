import { Button, Spinner } from 'design-react-kit';
import { useEffect } from 'react';
import { AppShell, PublicShell } from './components/AppShell';
import { CaseWorkOnly } from './components/CaseWorkOnly';
import { FormMessage } from './components/FormMessage';
import { shellCopy } from './i18n/it';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { AdminPage } from './pages/admin/AdminPage';
import { AgendaPage } from './pages/agenda/AgendaPage';
import { EditAgreementPage, NewAgreementPage } from './pages/agreements/AgreementFormPage';
import { AgreementPage } from './pages/agreements/AgreementPage';
import { AgreementsPage } from './pages/agreements/AgreementsPage';
import { HomePage } from './pages/home/HomePage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { loginCopy } from './pages/login/copy';
import { LoginPage } from './pages/login/LoginPage';
import { NomenclatorePage } from './pages/nomenclatore/NomenclatorePage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { MeetingPage } from './pages/meetings/MeetingPage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { NewMeetingPage } from './pages/meetings/NewMeetingPage';
import { AssessmentPage } from './pages/assessment/AssessmentPage';
import { AssessmentsIndexPage } from './pages/assessment/AssessmentsIndexPage';
import { AssessmentsPage } from './pages/assessment/AssessmentsPage';
import { NewAssessmentPage } from './pages/assessment/NewAssessmentPage';
import { PersonPage } from './pages/person/PersonPage';
import { DischargePage } from './pages/discharges/DischargePage';
import { DischargesPage } from './pages/discharges/DischargesPage';
import { NewDischargePage } from './pages/discharges/NewDischargePage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { NewProjectPage } from './pages/project/NewProjectPage';
import { PrintProjectPage } from './pages/project/PrintProjectPage';
import { ProjectPage } from './pages/project/ProjectPage';
import { ProjectsPage } from './pages/projects/ProjectsPage';
import { NewPersonPage } from './pages/persons/NewPersonPage';
import { PersonsPage } from './pages/persons/PersonsPage';
import { newPersonCopy } from './pages/persons/copy';
import { loginPath, paths, patterns } from './routes';
import { isSafeReturnPath, matchPath, navigate, useLocation } from './router/router';
import { SessionDialogs } from './session/SessionDialogs';
import { useSession, useViewer } from './session/session';

/** The screen for a path, once signed in. */
function Screen({ pathname }: { pathname: string }) {
  // A password an administrator reset is temporary: nothing else until the user chooses their own.
  if (useViewer().mustChangePassword) return <ChangePasswordPage />;
  switch (pathname) {
    case paths.changePassword:
      return <ChangePasswordPage />;
    case paths.home:
      return <HomePage />;
    case paths.persons:
      return (
        <CaseWorkOnly title={shellCopy.nav.persons}>
          <PersonsPage />
        </CaseWorkOnly>
      );
    case paths.newPerson:
      return (
        <CaseWorkOnly title={newPersonCopy.title}>
          <NewPersonPage />
        </CaseWorkOnly>
      );
    case paths.projects:
      return <ProjectsPage />;
    case paths.assessments:
      return <AssessmentsPage />;
    case paths.instruments:
      return <AssessmentsIndexPage />;
    case paths.discharges:
      return <DischargesPage />;
    case paths.newDischarge:
      return <NewDischargePage />;
    case paths.notifications:
      return <NotificationsPage />;
    case paths.indicators:
      return <IndicatorsPage />;
    case paths.agreements:
      return <AgreementsPage />;
    case paths.newAgreement:
      return <NewAgreementPage />;
    case paths.meetings:
      return <MeetingsPage />;
    case paths.newMeeting:
      return <NewMeetingPage />;
    case paths.agenda:
      return (
        <CaseWorkOnly title={shellCopy.nav.agenda}>
          <AgendaPage />
        </CaseWorkOnly>
      );
    case paths.admin:
    case paths.adminOrganizations:
    case paths.adminTeams:
    case paths.adminServiceAccounts:
      return <AdminPage />;
    case paths.nomenclatore:
      return <NomenclatorePage />;
  }
  const person = matchPath(patterns.person, pathname);
  // The key gives every person (and assessment) a fresh screen state.
  if (person) return <PersonPage key={person.id} id={person.id} />;
  const newAssessment = matchPath(patterns.newAssessment, pathname);
  if (newAssessment) return <NewAssessmentPage key={newAssessment.id} personId={newAssessment.id} />;
  const newProject = matchPath(patterns.newProject, pathname);
  if (newProject) return <NewProjectPage key={newProject.id} personId={newProject.id} />;
  const project = matchPath(patterns.project, pathname);
  if (project) return <ProjectPage key={project.id} id={project.id} />;
  const projectPrint = matchPath(patterns.projectPrint, pathname);
  if (projectPrint) return <PrintProjectPage key={projectPrint.id} id={projectPrint.id} />;
  const discharge = matchPath(patterns.discharge, pathname);
  if (discharge) return <DischargePage key={discharge.id} id={discharge.id} />;
  const assessment = matchPath(patterns.assessment, pathname);
  if (assessment) return <AssessmentPage key={assessment.id} id={assessment.id} />;
  const agreement = matchPath(patterns.agreement, pathname);
  if (agreement) return <AgreementPage key={agreement.id} id={agreement.id} />;
  const editAgreement = matchPath(patterns.editAgreement, pathname);
  if (editAgreement) return <EditAgreementPage key={editAgreement.id} id={editAgreement.id} />;
  const meeting = matchPath(patterns.meeting, pathname);
  if (meeting) return <MeetingPage key={meeting.id} id={meeting.id} />;
  if (matchPath(patterns.adminTeam, pathname)) return <AdminPage />;
  return <NotFoundPage />;
}

/**
 * Signed out: every path shows the sign-in page at /accesso?ritorno=<path>;
 * signing in goes back to that path. Signed in: /accesso goes home.
 */
export function App() {
  const { state, signedIn, retry } = useSession();
  const location = useLocation();
  const onLogin = location.pathname === paths.login;
  const returnTo = location.search.get('ritorno');

  useEffect(() => {
    if (state.status === 'signedOut' && !onLogin)
      navigate(state.reason === 'signedOut' ? paths.login : loginPath(location.path), { replace: true });
    if (state.status === 'signedIn' && onLogin) navigate(isSafeReturnPath(returnTo) ? returnTo : paths.home, { replace: true });
  }, [state, onLogin, location.path, returnTo]);

  if (state.status === 'loading' || (state.status === 'signedOut' && !onLogin) || (state.status === 'signedIn' && onLogin)) {
    return (
      <PublicShell>
        <div className="d-flex align-items-center gap-3" role="status">
          <Spinner active small />
          <span>{shellCopy.loading}</span>
        </div>
      </PublicShell>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <PublicShell>
        <FormMessage kind="error">{loginCopy.unreachable}</FormMessage>
        <Button color="primary" onClick={retry}>
          {loginCopy.retry}
        </Button>
      </PublicShell>
    );
  }
  if (state.status === 'signedOut') {
    return (
      <PublicShell>
        <LoginPage onSignedIn={signedIn} />
      </PublicShell>
    );
  }
  return (
    <>
      <AppShell>
        <Screen pathname={location.pathname} />
      </AppShell>
      <SessionDialogs />
    </>
  );
}
