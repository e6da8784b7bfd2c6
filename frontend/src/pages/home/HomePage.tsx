import { PageHeading } from '../../components/PageHeading';
import { organizationKindLabels, professionLabels, roleLabels } from '../../i18n/enums';
import { useViewer } from '../../session/session';
import { homeCopy as copy } from './copy';
import { OpenReferrals } from './OpenReferrals';
import { DischargesCard, MyProjectsCard, NotificationsCard } from './WorkCards';

export function HomePage() {
  const viewer = useViewer();
  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead" data-testid="benvenuto">
        {copy.welcome(viewer.displayName)}
      </p>

      <section aria-labelledby="profilo-titolo" className="mb-5">
        <h2 id="profilo-titolo" className="h4">
          {copy.profileHeading}
        </h2>
        <dl className="row ponte-profile mb-0">
          <dt className="col-sm-3 col-lg-2">{copy.role}</dt>
          <dd className="col-sm-9 col-lg-10">{roleLabels[viewer.role]}</dd>
          <dt className="col-sm-3 col-lg-2">{copy.profession}</dt>
          <dd className="col-sm-9 col-lg-10">{professionLabels[viewer.profession]}</dd>
          <dt className="col-sm-3 col-lg-2">{copy.organization}</dt>
          <dd className="col-sm-9 col-lg-10">
            {viewer.organization
              ? `${viewer.organization.name} — ${organizationKindLabels[viewer.organization.kind]}`
              : copy.noOrganization}
          </dd>
          <dt className="col-sm-3 col-lg-2">{copy.email}</dt>
          <dd className="col-sm-9 col-lg-10">{viewer.email}</dd>
        </dl>
      </section>

      <section aria-labelledby="giornata-titolo" className="ponte-section">
        <h2 id="giornata-titolo" className="h4">
          {copy.summaryHeading}
        </h2>
        <div className="row g-4">
          {viewer.role === 'OPERATOR' && <MyProjectsCard />}
          {viewer.role === 'OPERATOR' && <DischargesCard />}
          <NotificationsCard />
        </div>
      </section>

      {/* Case data is for operators; administrators and auditors read none. */}
      {viewer.role === 'OPERATOR' && <OpenReferrals />}
    </>
  );
}
