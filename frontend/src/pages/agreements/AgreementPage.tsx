import { Badge, Button } from 'design-react-kit';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Definitions } from '../../components/Definitions';
import { Dialog } from '../../components/Dialog';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { ResponsiveTable } from '../../components/ScrollBox';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { AgreementDetailQuery } from '../../gql/graphql';
import {
  agreementPartyRoleLabels,
  lifeAreaLabels,
  meetingKindLabels,
  meetingStatusLabels,
  networkAgreementKindLabels,
  networkAgreementStatusLabels,
  serviceKindLabels,
} from '../../i18n/enums';
import { formatDate, formatDateTime, todayIso } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { ELEMENT_KEYS, statusColor, validityText } from './agreements';
import { agreementCopy as copy, elementHeadings } from './copy';

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['NetworkAgreement', 'Meeting'] };

export const agreementDetailQuery = graphql(`
  query AgreementDetail($id: ID!) {
    networkAgreement(id: $id) {
      id
      version
      kind
      title
      status
      signedOn
      validFrom
      validUntil
      withdrawnOn
      withdrawalReason
      protocolNumber
      services
      lifeAreas
      updatedAt
      canEdit
      parties {
        role
        organization {
          id
          name
        }
        contact {
          id
          displayName
          email
        }
      }
      elements {
        purpose
        recipients
        actions
        actors
        timing
        responsibilities
        monitoringIndicators
      }
      meetings {
        id
        kind
        title
        status
        plannedOn
        heldOn
      }
    }
  }
`);

export const withdrawAgreementMutation = graphql(`
  mutation WithdrawNetworkAgreement($input: WithdrawNetworkAgreementInput!) {
    withdrawNetworkAgreement(input: $input) {
      id
      version
      status
      withdrawnOn
      withdrawalReason
      canEdit
    }
  }
`);

type Agreement = NonNullable<AgreementDetailQuery['networkAgreement']>;

/** Accordo: the whole agreement, its parties, the protocol's elements, the meetings that implement it; edit and withdraw. */
export function AgreementPage({ id }: { id: string }) {
  const { search } = useLocation();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: agreementDetailQuery, variables: { id }, context });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (fetching && !data) return <Loading />;
  if (error || !data?.networkAgreement)
    return <RecordUnavailable error={error} copy={copy} back={{ href: paths.agreements, label: copy.back }} />;
  const a = data.networkAgreement;
  const s = copy.summary;
  const none = <span className="ponte-muted">{copy.none}</span>;
  const withdrawal: Array<[string, ReactNode]> = a.withdrawnOn
    ? [[s.withdrawn(formatDate(a.withdrawnOn)), a.withdrawalReason ?? none]]
    : [];

  return (
    <>
      <PageHeading title={a.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-3">
        <a href={paths.agreements}>{copy.back}</a>
        {a.canEdit && a.status !== 'WITHDRAWN' && (
          <a className="btn btn-primary btn-sm" href={pathTo.editAgreement(a.id)}>
            {copy.edit}
          </a>
        )}
      </div>
      {search.get('registrato') && <FormMessage kind="success">{copy.created}</FormMessage>}
      {search.get('salvato') && <FormMessage kind="success">{copy.saved}</FormMessage>}
      {search.get('revocato') && <FormMessage kind="success">{copy.withdraw.done}</FormMessage>}

      <div className="row g-5">
        <div className="col-12 col-xl-6">
          <section aria-labelledby="accordo-sintesi" className="ponte-section">
            <h2 id="accordo-sintesi" className="h4">
              {s.heading}
            </h2>
            <Definitions
              testId="accordo-sintesi"
              rows={[
                [s.kind, networkAgreementKindLabels[a.kind]],
                [
                  s.status,
                  <span key="stato" data-testid="stato-accordo">
                    <Badge color={statusColor(a.status)} pill>
                      {networkAgreementStatusLabels[a.status]}
                    </Badge>
                  </span>,
                ],
                [s.validity, validityText(a.validFrom, a.validUntil)],
                [s.signedOn, a.signedOn ? formatDate(a.signedOn) : s.notSigned],
                [s.protocolNumber, a.protocolNumber ?? none],
                [s.services, a.services.length > 0 ? a.services.map((k) => serviceKindLabels[k]).join(', ') : none],
                [s.lifeAreas, a.lifeAreas.length > 0 ? a.lifeAreas.map((k) => lifeAreaLabels[k]).join(', ') : none],
                ...withdrawal,
                [s.updatedAt, formatDateTime(a.updatedAt)],
              ]}
            />
          </section>
          <Parties agreement={a} />
        </div>
        <div className="col-12 col-xl-6">
          <section aria-labelledby="accordo-elementi" className="ponte-section">
            <h2 id="accordo-elementi" className="h4">
              {copy.elements.heading}
            </h2>
            {ELEMENT_KEYS.map((key) => (
              <div key={key} className="mb-3" data-testid={`elemento-${key}`}>
                <h3 className="h6 mb-1">{elementHeadings[key]}</h3>
                {a.elements[key] ? (
                  <p className="mb-0 ponte-pre-line">{a.elements[key]}</p>
                ) : (
                  <p className="mb-0 ponte-muted">{copy.elements.missing}</p>
                )}
              </div>
            ))}
          </section>
        </div>
      </div>

      <section aria-labelledby="accordo-incontri" className="ponte-section">
        <h2 id="accordo-incontri" className="h4">
          {copy.meetings.heading}
        </h2>
        {a.meetings.length === 0 ? (
          <p>{copy.meetings.none}</p>
        ) : (
          <ul className="list-unstyled ponte-card-list">
            {a.meetings.map((m) => (
              <li key={m.id} data-testid="incontro-accordo">
                <a href={pathTo.meeting(m.id)}>{m.title}</a> <span className="small">({meetingKindLabels[m.kind]})</span> –{' '}
                <span className="small">
                  {formatDate(m.heldOn ?? m.plannedOn)} · {meetingStatusLabels[m.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {a.canEdit && a.status !== 'WITHDRAWN' && <WithdrawForm agreement={a} onReload={reload} />}
    </>
  );
}

function Parties({ agreement: a }: { agreement: Agreement }) {
  const c = copy.parties;
  return (
    <section aria-labelledby="accordo-enti" className="ponte-section">
      <h2 id="accordo-enti" className="h4">
        {c.heading}
      </h2>
      <ResponsiveTable className="ponte-table">
        <caption className="visually-hidden">{c.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.organization}</th>
            <th scope="col">{c.role}</th>
            <th scope="col">{c.contact}</th>
          </tr>
        </thead>
        <tbody>
          {a.parties.map((p) => (
            <tr key={p.organization.id} data-testid="ente-accordo">
              <th scope="row" className="fw-normal">
                {p.organization.name}
              </th>
              <td>{agreementPartyRoleLabels[p.role]}</td>
              <td>
                {p.contact ? (
                  <>
                    {p.contact.displayName}
                    <br />
                    <a className="small text-break" href={`mailto:${p.contact.email}`}>
                      {p.contact.email}
                    </a>
                  </>
                ) : (
                  <span className="ponte-muted">{c.noContact}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
    </section>
  );
}

/** Revoca: a formal act with its date and reason, sent only after a dialog that summarises it. */
function WithdrawForm({ agreement: a, onReload }: { agreement: Agreement; onReload: () => void }) {
  const c = copy.withdraw;
  const form = useForm('revoca', ['withdrawnOn', 'reason'] as const, { withdrawnOn: todayIso(), reason: '' });
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, withdraw] = useMutation(withdrawAgreementMutation);
  const v = form.values;

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      withdrawnOn: v.withdrawnOn ? undefined : c.missing.withdrawnOn,
      reason: v.reason.trim() ? undefined : c.missing.reason,
    });
    if (ok) setConfirming(true);
  }

  async function send() {
    const result = await withdraw({
      input: { agreementId: a.id, expectedVersion: a.version, withdrawnOn: v.withdrawnOn, reason: v.reason.trim() },
    });
    setConfirming(false);
    // The form goes with the agreement in force: the page says it is done.
    if (result.data) navigate(`${pathTo.agreement(a.id)}?revocato=1`, { replace: true });
    else form.fail(result.error, copy.conflict);
  }

  return (
    <section aria-labelledby="revoca-titolo" className="ponte-section">
      <form onSubmit={submit} noValidate aria-labelledby="revoca-titolo" className="ponte-subform">
        <h2 id="revoca-titolo" className="h4">
          {c.heading}
        </h2>
        <p>{c.intro}</p>
        <FormFeedback message={form.message} onReload={onReload} />
        <div className="row">
          <div className="col-12 col-md-4">
            <TextField label={c.date} type="date" required {...form.field('withdrawnOn')} />
          </div>
          <div className="col-12 col-md-8">
            <TextAreaField label={c.reason} rows={2} required {...form.field('reason')} />
          </div>
        </div>
        <Button type="submit" color="danger" outline size="sm">
          {c.open}
        </Button>
      </form>
      {confirming && (
        <Dialog role="alertdialog" title={c.dialogTitle} description={c.summary(a.title, formatDate(v.withdrawnOn), v.reason.trim())}>
          <p>{c.partiesNote(a.parties.map((p) => p.organization.name).join(', '))}</p>
          <ConfirmButtons label={c.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
        </Dialog>
      )}
    </section>
  );
}
