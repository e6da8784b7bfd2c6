import { Badge, Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { TeamRole } from '../../gql/graphql';
import { codeOf, errorMessage, formErrors } from '../../graphql/errors';
import { labelOptions, organizationKindLabels, professionLabels, teamKindLabels, teamRoleLabels } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { paths } from '../../routes';
import { adminCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = adminCopy.team;

export const adminTeamQuery = graphql(`
  query AdminTeam($id: ID!, $includeFormer: Boolean!) {
    team(id: $id) {
      id
      name
      kind
      createdAt
      organization {
        id
        name
        kind
      }
      members(includeFormer: $includeFormer) {
        teamRole
        startedOn
        endedOn
        active
        user {
          id
          displayName
          email
          profession
        }
      }
    }
  }
`);

export const userChoicesQuery = graphql(`
  query UserChoices($search: String) {
    users(first: 20, search: $search) {
      nodes {
        id
        displayName
        email
        active
      }
    }
  }
`);

export const addTeamMemberMutation = graphql(`
  mutation AddTeamMember($input: AddTeamMemberInput!) {
    addTeamMember(input: $input) {
      id
    }
  }
`);

export const removeTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {
    removeTeamMember(input: $input) {
      id
    }
  }
`);

/**
 * Why the server refused to remove a member, one sentence per project of the
 * team they are still case manager of (`extensions.reasons` of a VALIDATION
 * error on `userId`); null for any other failure.
 */
export function removalReasons(error: CombinedError): string[] | null {
  for (const e of error.graphQLErrors) {
    if (codeOf(e) !== 'VALIDATION') continue;
    const raw = e.extensions?.reasons;
    const reasons = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [];
    if (reasons.length > 0) return reasons;
  }
  return null;
}

/** A refused removal: every reason as an item of a list, and what to do about it. */
function RemovalRefusal({ name, reasons }: { name: string; reasons: string[] }) {
  return (
    <div className="alert alert-danger ponte-form-message" role="alert" data-testid="motivi-rifiuto-rimozione">
      <p className="mb-2 fw-semibold">{copy.removeRefused(name)}</p>
      <ul className="mb-2">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p className="mb-0">{copy.removeRefusedHint(name)}</p>
    </div>
  );
}

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Team', 'TeamMember'] };

/** An équipe: its members (with the history on request), add and remove. */
export function TeamDetail({ id }: { id: string }) {
  const [includeFormer, setIncludeFormer] = useState(false);
  const [{ data, error, fetching }] = useQuery({ query: adminTeamQuery, variables: { id, includeFormer }, context });
  const [removing, remove] = useMutation(removeTeamMemberMutation);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [refusal, setRefusal] = useState<{ name: string; reasons: string[] }>();

  if (fetching && !data) return <Loading />;
  if (error || !data?.team) {
    return (
      <>
        <FormMessage kind="error">{error ? errorMessage(error) : copy.notFound}</FormMessage>
        <a href={paths.adminTeams}>{copy.back}</a>
      </>
    );
  }
  const team = data.team;

  async function removeMember(userId: string, name: string) {
    setMessage(undefined);
    setRefusal(undefined);
    const result = await remove({ input: { teamId: team.id, userId } });
    const reasons = result.error ? removalReasons(result.error) : null;
    if (reasons) setRefusal({ name, reasons });
    else
      setMessage(
        result.data
          ? { kind: 'success', text: copy.removed(name) }
          : { kind: 'error', text: result.error ? errorMessage(result.error) : commonCopy.genericError },
      );
  }

  return (
    <>
      <p>
        <a href={paths.adminTeams}>{copy.back}</a>
      </p>
      <section aria-labelledby="equipe-dettaglio-titolo" className="mb-5">
        <h2 id="equipe-dettaglio-titolo" className="h3">
          {team.name}
        </h2>
        <dl className="row ponte-definition">
          <dt className="col-sm-3">{copy.kind}</dt>
          <dd className="col-sm-9">{teamKindLabels[team.kind]}</dd>
          <dt className="col-sm-3">{copy.organization}</dt>
          <dd className="col-sm-9">
            {team.organization ? `${team.organization.name} — ${organizationKindLabels[team.organization.kind]}` : '—'}
          </dd>
          <dt className="col-sm-3">{copy.createdAt}</dt>
          <dd className="col-sm-9">{formatDateTime(team.createdAt)}</dd>
        </dl>

        <h3 className="h4 mt-4">{copy.membersHeading}</h3>
        <CheckboxField id="equipe-storico" label={copy.includeFormer} checked={includeFormer} onChange={setIncludeFormer} />
        <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
        {refusal && <RemovalRefusal name={refusal.name} reasons={refusal.reasons} />}
        {team.members.length === 0 ? (
          <p>{copy.noMembers}</p>
        ) : (
          <ResponsiveTable className="ponte-table">
            <caption className="visually-hidden">{copy.membersCaption(team.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.member}</th>
                <th scope="col">{copy.profession}</th>
                <th scope="col">{copy.role}</th>
                <th scope="col">{copy.period}</th>
                <th scope="col">{copy.status}</th>
                <th scope="col">{copy.actions}</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m, i) => {
                const name = m.user?.displayName ?? '—';
                return (
                  <tr key={`${m.user?.id ?? i}-${m.startedOn}-${m.endedOn ?? ''}`} data-testid="riga-componente">
                    <td>
                      <strong>{name}</strong>
                      {m.user && (
                        <>
                          <br />
                          <span className="ponte-muted">{m.user.email}</span>
                        </>
                      )}
                    </td>
                    <td>{m.user ? professionLabels[m.user.profession] : '—'}</td>
                    <td>{teamRoleLabels[m.teamRole]}</td>
                    <td>
                      {m.endedOn ? copy.between(formatDate(m.startedOn), formatDate(m.endedOn)) : copy.since(formatDate(m.startedOn))}
                    </td>
                    <td>
                      <Badge color={m.active ? 'success' : 'secondary'} pill>
                        {m.active ? copy.active : copy.former}
                      </Badge>
                    </td>
                    <td>
                      {m.active && m.user && (
                        <Button
                          color="danger"
                          outline
                          size="xs"
                          disabled={removing.fetching}
                          aria-label={copy.removeLabel(name)}
                          onClick={() => removeMember(m.user!.id, name)}
                        >
                          {copy.remove}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ResponsiveTable>
        )}
      </section>
      <AddMemberForm teamId={team.id} />
    </>
  );
}

const FIELDS = ['userId', 'teamRole'] as const;
type Field = (typeof FIELDS)[number];

function AddMemberForm({ teamId }: { teamId: string }) {
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState('');
  const [teamRole, setTeamRole] = useState<TeamRole>('MEMBER');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [users] = useQuery({ query: userChoicesQuery, variables: { search: search.trim() || null } });
  const [{ fetching }, add] = useMutation(addTeamMemberMutation);
  const choices = (users.data?.users.nodes ?? []).filter((u) => u.active);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    if (!userId) {
      setErrors({ userId: copy.missing.userId });
      document.getElementById('componente-userId')?.focus();
      return;
    }
    const name = choices.find((u) => u.id === userId)?.displayName ?? '';
    const result = await add({ input: { teamId, userId, teamRole } });
    if (result.data) {
      setMessage({ kind: 'success', text: copy.added(name) });
      setUserId('');
      setErrors({});
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
    }
  }

  return (
    <Card tag="div" className="ponte-card shadow-sm rounded">
      <CardBody>
        <h2 id="nuovo-componente-titolo" className="h4">
          {copy.addHeading}
        </h2>
        <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
        <form onSubmit={submit} noValidate aria-labelledby="nuovo-componente-titolo">
          <div className="row">
            <div className="col-12 col-lg-4">
              <TextField id="componente-cerca" label={copy.userSearch} type="search" value={search} onChange={setSearch} />
            </div>
            <div className="col-12 col-lg-5">
              <SelectField
                id="componente-userId"
                label={copy.user}
                value={userId}
                onChange={(v) => {
                  setUserId(v);
                  setErrors({});
                }}
                options={choices.map((u) => [u.id, `${u.displayName} (${u.email})`] as const)}
                placeholder={copy.chooseUser}
                error={errors.userId}
                required
              />
            </div>
            <div className="col-12 col-lg-3">
              <SelectField
                id="componente-teamRole"
                label={copy.teamRole}
                value={teamRole}
                onChange={(v) => setTeamRole(v as TeamRole)}
                options={labelOptions(teamRoleLabels)}
                error={errors.teamRole}
              />
            </div>
          </div>
          <Button type="submit" color="primary" disabled={fetching}>
            {fetching ? copy.adding : copy.add}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
