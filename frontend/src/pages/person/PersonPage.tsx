import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { graphql } from '../../gql';
import type { PersonRecordQuery } from '../../gql/graphql';
import {
  fiscalCodeMissingReasonLabels,
  referralSourceLabels,
  referralStatusLabels,
  sexLabels,
  targetGroupLabels,
  teamKindLabels,
  urgencyLabels,
} from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../i18n/format';
import { paths } from '../../routes';
import { useLocation } from '../../router/router';
import { personCopy as copy } from './copy';
import { PersonAssessments } from './PersonAssessments';
import { PersonDiary } from './PersonDiary';
import { PersonDischarges, PersonProjects } from './PersonProjects';
import { PrivacyConsents } from './PrivacyConsents';
import { ReferencePersons } from './ReferencePersons';
import { EditPerson } from './EditPersonDialog';
import { CloseReferral, ReferToTeam } from './ReferralDialogs';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

export const personRecordQuery = graphql(`
  query PersonRecord($id: ID!) {
    person(id: $id) {
      id
      version
      fiscalCode
      fiscalCodeMissingReason
      alternativeCode
      givenName
      familyName
      birthDate
      birthPlace
      sex
      residence
      homeless
      residenceComune {
        id
        name
      }
      domicile
      phone
      email
      language
      targetGroups
      age
      teams {
        id
        name
        kind
      }
      referencePersons {
        id
        kind
        fullName
        relationship
        phone
        email
        notes
      }
      privacyConsents {
        id
        kind
        granted
        givenOn
        recordedAt
        recordedBy {
          id
          displayName
        }
      }
      projects {
        id
        title
        kind
        status
        startDate
        nextReviewOn
        reviewOverdue
        team {
          id
          name
        }
        caseManager {
          id
          displayName
        }
      }
      discharges {
        id
        status
        ward
        admittedOn
        expectedDischargeOn
        dischargedOn
        overdue
        hospital {
          id
          name
        }
      }
      referrals {
        id
        source
        reason
        urgency
        status
        createdAt
        acceptedAt
        closedAt
        outcome
        team {
          id
          name
        }
      }
    }
  }
`);

export type PersonRecord = NonNullable<PersonRecordQuery['person']>;

const urgencyColor = { URGENT: 'danger', PRIORITY: 'warning', ORDINARY: 'secondary' } as const;
const statusColor = { OPEN: 'primary', ACCEPTED: 'success', CLOSED: 'secondary' } as const;

/** Scheda persona: identity, contacts, teams, reference persons, consents, referrals, assessments. */
export function PersonPage({ id }: { id: string }) {
  const { search } = useLocation();
  const [{ data, error, fetching }, reload] = useQuery({ query: personRecordQuery, variables: { id } });

  if (fetching && !data) return <Loading />;
  if (error || !data?.person) return <RecordUnavailable error={error} copy={copy} back={{ href: paths.persons, label: copy.back }} />;
  const person = data.person;
  const fullName = personName(person, 'text');

  return (
    <>
      <PageHeading title={fullName} />
      <p>
        <a href={paths.persons}>{copy.back}</a>
      </p>
      {search.get('registrata') && <FormMessage kind="success">{copy.created}</FormMessage>}

      <Identity person={person} onReload={() => reload({ requestPolicy: 'network-only' })} />

      <section aria-labelledby="scheda-equipe" className="ponte-section">
        <h2 id="scheda-equipe" className="h4">
          {copy.teams.heading}
        </h2>
        <p>{copy.teams.intro}</p>
        {person.teams.length === 0 ? (
          <p>{copy.teams.none}</p>
        ) : (
          <ul data-testid="equipe-responsabili">
            {person.teams.map((team) => (
              <li key={team.id}>
                <strong>{team.name}</strong> <span className="ponte-muted">({teamKindLabels[team.kind]})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PersonDiary personId={person.id} />
      <Referrals person={person} />
      <PersonProjects person={person} />
      <PersonDischarges person={person} />
      <PersonAssessments personId={person.id} />
      <ReferencePersons person={person} />
      <PrivacyConsents person={person} />
      <DocumentsSection subjectKind="PERSON" subjectId={person.id} />
    </>
  );
}

function Identity({ person, onReload }: { person: PersonRecord; onReload: () => void }) {
  const c = copy.identity;
  const row = (term: string, value: string | null | undefined) => (
    <>
      <dt className="col-sm-4 col-lg-3">{term}</dt>
      <dd className="col-sm-8 col-lg-9">{value || c.none}</dd>
    </>
  );
  return (
    <section aria-labelledby="scheda-identita" className="ponte-section">
      <h2 id="scheda-identita" className="h4">
        {c.heading}
      </h2>
      <p className="mb-2">
        <EditPerson person={person} onReload={onReload} />
      </p>
      <dl className="row ponte-definition mb-0" data-testid="identita">
        <dt className="col-sm-4 col-lg-3">{c.fiscalCode}</dt>
        <dd className="col-sm-8 col-lg-9">
          {person.fiscalCode ? (
            <span className="font-monospace">{person.fiscalCode}</span>
          ) : (
            <>
              {c.missingFiscalCode}
              {person.fiscalCodeMissingReason && `: ${fiscalCodeMissingReasonLabels[person.fiscalCodeMissingReason]}`}
            </>
          )}
        </dd>
        {!person.fiscalCode && person.alternativeCode && row(c.alternativeCode, person.alternativeCode)}
        {row(c.birth, c.bornOn(formatDate(person.birthDate), person.birthPlace))}
        {row(c.age, c.years(person.age))}
        {row(c.sex, sexLabels[person.sex])}
        {row(
          c.residence,
          person.residence ? `${person.residence}${person.homeless ? ` (${c.homeless})` : ''}` : person.homeless ? c.homeless : null,
        )}
        {person.residenceComune && row(c.residenceComune, person.residenceComune.name)}
        {person.domicile && row(c.domicile, person.domicile)}
        {row(c.phone, person.phone)}
        {row(c.email, person.email)}
        {row(c.language, person.language)}
        {row(c.targetGroups, person.targetGroups.map((g) => targetGroupLabels[g]).join(', '))}
      </dl>
    </section>
  );
}

function Referrals({ person }: { person: PersonRecord }) {
  const c = copy.referrals;
  return (
    <section aria-labelledby="scheda-segnalazioni" className="ponte-section">
      <h2 id="scheda-segnalazioni" className="h4">
        {c.heading}
      </h2>
      <p className="mb-2">
        <ReferToTeam person={person} />
      </p>
      {person.referrals.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.date}</th>
              <th scope="col">{c.team}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.urgency}</th>
              <th scope="col">{c.reason}</th>
              <th scope="col">{c.source}</th>
            </tr>
          </thead>
          <tbody>
            {person.referrals.map((r) => (
              <tr key={r.id} data-testid="riga-segnalazione">
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.team?.name ?? '—'}</td>
                <td>
                  <Badge color={statusColor[r.status]} pill>
                    {referralStatusLabels[r.status]}
                  </Badge>
                </td>
                <td>
                  <Badge color={urgencyColor[r.urgency]} pill>
                    {urgencyLabels[r.urgency]}
                  </Badge>
                </td>
                <td>
                  {r.reason}
                  {r.outcome && (
                    <>
                      <br />
                      <span className="ponte-muted">{c.outcome(r.outcome)}</span>
                    </>
                  )}
                  <CloseReferral referral={r} />
                </td>
                <td>{referralSourceLabels[r.source]}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}
