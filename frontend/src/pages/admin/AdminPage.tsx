import { FormMessage } from '../../components/FormMessage';
import { PageHeading } from '../../components/PageHeading';
import { patterns, paths } from '../../routes';
import { matchPath, useLocation } from '../../router/router';
import { useViewer } from '../../session/session';
import { adminCopy as copy } from './copy';
import { CreateOrganizationForm } from './CreateOrganizationForm';
import { CreateTeamForm } from './CreateTeamForm';
import { CreateUserForm } from './CreateUserForm';
import { OrganizationsList } from './OrganizationsList';
import { ServiceAccounts } from './ServiceAccounts';
import { TeamDetail } from './TeamDetail';
import { TeamsList } from './TeamsList';
import { UsersList } from './UsersList';

const tabs = [
  { to: paths.admin, label: copy.tabs.users },
  { to: paths.adminOrganizations, label: copy.tabs.organizations },
  { to: paths.adminTeams, label: copy.tabs.teams },
  { to: paths.adminServiceAccounts, label: copy.tabs.serviceAccounts },
] as const;

/**
 * Amministrazione: users (`/amministrazione`), organizations
 * (`/amministrazione/enti`) and teams (`/amministrazione/equipe`, one team at
 * `/amministrazione/equipe/:id`) and the systems that call Ponte's machine
 * endpoints (`/amministrazione/sistemi-collegati`).
 */
export function AdminPage() {
  const viewer = useViewer();
  const { pathname } = useLocation();
  if (viewer.role !== 'ADMIN') {
    return (
      <>
        <PageHeading title={copy.title} />
        <FormMessage kind="error">{copy.forbidden}</FormMessage>
      </>
    );
  }
  const team = matchPath(patterns.adminTeam, pathname);
  const current = team ? paths.adminTeams : pathname;
  const tab = tabs.find((t) => t.to === current) ?? tabs[0];
  return (
    <>
      <PageHeading title={`${copy.title} – ${tab.label}`}>{copy.title}</PageHeading>
      <p className="lead">{copy.intro}</p>
      <nav aria-label={copy.sectionsLabel} className="mb-4">
        <ul className="nav nav-tabs">
          {tabs.map((t) => {
            const here = current === t.to;
            return (
              <li key={t.to} className="nav-item">
                <a href={t.to} className={`nav-link${here ? ' active' : ''}`} aria-current={pathname === t.to ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {team ? (
        <TeamDetail id={team.id} />
      ) : current === paths.adminOrganizations ? (
        <>
          <OrganizationsList />
          <CreateOrganizationForm />
        </>
      ) : current === paths.adminServiceAccounts ? (
        <ServiceAccounts />
      ) : current === paths.adminTeams ? (
        <>
          <TeamsList />
          <CreateTeamForm />
        </>
      ) : (
        <>
          <UsersList />
          <CreateUserForm />
        </>
      )}
    </>
  );
}
