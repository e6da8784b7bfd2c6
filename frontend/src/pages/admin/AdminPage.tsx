import { FormMessage } from '../../components/FormMessage';
import { PageHeading } from '../../components/PageHeading';
import { paths } from '../../routes';
import { useLocation } from '../../router/router';
import { useViewer } from '../../session/session';
import { adminCopy as copy } from './copy';
import { CreateOrganizationForm } from './CreateOrganizationForm';
import { CreateUserForm } from './CreateUserForm';
import { OrganizationsList } from './OrganizationsList';
import { UsersList } from './UsersList';

const tabs = [
  { to: paths.admin, label: copy.tabs.users },
  { to: paths.adminOrganizations, label: copy.tabs.organizations },
] as const;

/** Amministrazione: users (`/amministrazione`) and organizations (`/amministrazione/enti`). */
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
  const onOrganizations = pathname === paths.adminOrganizations;
  return (
    <>
      <PageHeading title={`${copy.title} – ${onOrganizations ? copy.tabs.organizations : copy.tabs.users}`}>
        {copy.title}
      </PageHeading>
      <p className="lead">{copy.intro}</p>
      <nav aria-label={copy.sectionsLabel} className="mb-4">
        <ul className="nav nav-tabs">
          {tabs.map((tab) => {
            const current = pathname === tab.to;
            return (
              <li key={tab.to} className="nav-item">
                <a href={tab.to} className={`nav-link${current ? ' active' : ''}`} aria-current={current ? 'page' : undefined}>
                  {tab.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {onOrganizations ? (
        <>
          <OrganizationsList />
          <CreateOrganizationForm />
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
