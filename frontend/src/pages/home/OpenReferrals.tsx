import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { teamKindLabels, urgencyLabels } from '../../i18n/enums';
import { formatDateTime } from '../../i18n/format';
import { pathTo } from '../../routes';
import { myTeamsQuery } from '../persons/NewPersonPage';
import { homeCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

const copy = homeCopy.referrals;
const PAGE_SIZE = 10;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Referral', 'Person'] };
const urgencyColor = { URGENT: 'danger', PRIORITY: 'warning', ORDINARY: 'secondary' } as const;

export const teamOpenReferralsQuery = graphql(`
  query TeamOpenReferrals($id: ID!, $first: Int!) {
    team(id: $id) {
      id
      referrals(status: OPEN, first: $first) {
        totalCount
        nodes {
          id
          urgency
          reason
          createdAt
          person {
            id
            givenName
            familyName
          }
        }
      }
    }
  }
`);

export const acceptReferralMutation = graphql(`
  mutation AcceptReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      id
      status
      acceptedAt
    }
  }
`);

/** Il mio lavoro: the open referrals of each of the viewer's teams, with "Accogli" (a referral is accolta; presa in carico is the project opened). */
export function OpenReferrals() {
  const [teams] = useQuery({ query: myTeamsQuery });
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const myTeams = teams.data?.teams.nodes ?? [];
  return (
    <section aria-labelledby="segnalazioni-titolo" className="ponte-section">
      <h2 id="segnalazioni-titolo" className="h4">
        {copy.heading}
      </h2>
      <p>{copy.intro}</p>
      <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
      {teams.fetching && !teams.data && <Loading />}
      {teams.error && <FormMessage kind="error">{errorMessage(teams.error)}</FormMessage>}
      {teams.data && myTeams.length === 0 && <p>{copy.noTeams}</p>}
      {myTeams.map((team) => (
        <TeamReferrals key={team.id} team={team} onMessage={setMessage} />
      ))}
    </section>
  );
}

function TeamReferrals({
  team,
  onMessage,
}: {
  team: { id: string; name: string; kind: keyof typeof teamKindLabels };
  onMessage: (message: { kind: 'error' | 'success'; text: string }) => void;
}) {
  const [first, setFirst] = useState(PAGE_SIZE);
  const [{ data, error }] = useQuery({ query: teamOpenReferralsQuery, variables: { id: team.id, first }, context });
  const [accepting, accept] = useMutation(acceptReferralMutation);
  const referrals = data?.team?.referrals;
  const headingId = `segnalazioni-${team.id}`;

  async function take(referralId: string, name: string) {
    const result = await accept({ input: { referralId } });
    onMessage(
      result.data
        ? { kind: 'success', text: copy.accepted(name, team.name) }
        : { kind: 'error', text: result.error ? errorMessage(result.error) : copy.none },
    );
  }

  return (
    <div className="mb-4" data-testid="segnalazioni-equipe">
      <h3 id={headingId} className="h5 mt-4">
        {team.name} <span className="ponte-muted fw-normal">({teamKindLabels[team.kind]})</span>
      </h3>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {referrals && referrals.totalCount === 0 && <p>{copy.none}</p>}
      {referrals && referrals.totalCount > 0 && (
        <>
          <ResponsiveTable className="ponte-table mt-2">
            <caption className="visually-hidden">{copy.caption(team.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.person}</th>
                <th scope="col">{copy.urgency}</th>
                <th scope="col">{copy.date}</th>
                <th scope="col">{copy.reason}</th>
                <th scope="col">{copy.actions}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.nodes.map((r) => {
                // Ordered by urgency, not by surname: the name as in running text, also in the labels.
                const name = r.person ? personName(r.person, 'text') : '—';
                return (
                  <tr key={r.id} data-testid="riga-segnalazione-aperta">
                    <td>
                      {r.person ? (
                        <a href={pathTo.person(r.person.id)} aria-label={copy.openLabel(name)}>
                          <strong>{name}</strong>
                        </a>
                      ) : (
                        name
                      )}
                    </td>
                    <td>
                      <Badge color={urgencyColor[r.urgency]} className={r.urgency === 'PRIORITY' ? 'text-dark' : undefined} pill>
                        {urgencyLabels[r.urgency]}
                      </Badge>
                    </td>
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td>{r.reason}</td>
                    <td>
                      <Button
                        color="primary"
                        size="xs"
                        disabled={accepting.fetching}
                        aria-label={copy.acceptLabel(name)}
                        onClick={() => take(r.id, name)}
                      >
                        {copy.accept}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ResponsiveTable>
          <div className="d-flex flex-wrap align-items-center gap-3">
            <p className="mb-0">{copy.count(referrals.nodes.length, referrals.totalCount)}</p>
            {referrals.nodes.length < referrals.totalCount && (
              <Button color="primary" outline size="sm" onClick={() => setFirst((n) => n + PAGE_SIZE)}>
                {copy.showMore}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
