import { Card, CardBody, CardText, CardTitle } from 'design-react-kit';
import { PageHeading } from '../../components/PageHeading';
import { organizationKindLabels, professionLabels, roleLabels } from '../../i18n/enums';
import { useViewer } from '../../session/session';
import { homeCopy as copy } from './copy';
import { OpenReferrals } from './OpenReferrals';

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

      {/* Case data is for operators; administrators and auditors read none. */}
      {viewer.role === 'OPERATOR' && <OpenReferrals />}

      <section aria-labelledby="giornata-titolo">
        <h2 id="giornata-titolo" className="h4">
          {copy.summaryHeading}
        </h2>
        <div className="row g-4">
          {copy.cards.map((card) => (
            <div key={card.title} className="col-12 col-md-6 col-xl-4 d-flex">
              <Card className="ponte-card shadow-sm rounded w-100">
                <CardBody>
                  <CardTitle tag="h3" className="h5">
                    {card.title}
                  </CardTitle>
                  <CardText>{card.text}</CardText>
                  <p className="ponte-coming mb-0">{copy.comingWithRelease}</p>
                </CardBody>
              </Card>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
