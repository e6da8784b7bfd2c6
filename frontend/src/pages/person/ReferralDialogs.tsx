import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { Urgency } from '../../gql/graphql';
import { labelOptions, urgencyLabels } from '../../i18n/enums';
import { personCopy } from './copy';
import type { PersonRecord } from './PersonPage';

const copy = personCopy.referralCorrections;

export const referralTeamsQuery = graphql(`
  query ReferralTeams {
    teams(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const referPersonMutation = graphql(`
  mutation ReferPerson($input: ReferPersonInput!) {
    referPerson(input: $input) {
      id
      status
    }
  }
`);

export const closeReferralMutation = graphql(`
  mutation CloseReferral($input: CloseReferralInput!) {
    closeReferral(input: $input) {
      id
      status
      outcome
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Referral', 'Person'] };

/**
 * "Invia a un'altra équipe": a new referral of the person to a team that
 * does not follow them yet (`referPerson`, by a service), with the reason
 * and the urgency; the team receiving it is notified by the server.
 */
export function ReferToTeam({ person }: { person: PersonRecord }) {
  return (
    <DialogOpener
      label={copy.refer}
      name={copy.refer}
      dialog={(done, cancel) => <ReferDialog person={person} onDone={done} onCancel={cancel} />}
    />
  );
}

function ReferDialog({ person, onDone, onCancel }: { person: PersonRecord; onDone: (text: string) => void; onCancel: () => void }) {
  const form = useForm('invia-equipe', ['teamId', 'reason', 'urgency'] as const, { teamId: '', reason: '', urgency: 'ORDINARY' });
  const [teams] = useQuery({ query: referralTeamsQuery });
  const [{ fetching }, refer] = useMutation(referPersonMutation);
  const following = new Set(person.teams.map((t) => t.id));
  const choices = (teams.data?.teams.nodes ?? []).filter((t) => !following.has(t.id)).map((t) => [t.id, t.name] as const);
  const v = form.values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      teamId: v.teamId ? undefined : copy.missingTeam,
      reason: v.reason.trim() ? undefined : copy.missingReason,
    });
    if (!ok) return;
    const result = await refer(
      { input: { personId: person.id, teamId: v.teamId, source: 'SERVICE', reason: v.reason.trim(), urgency: v.urgency as Urgency } },
      context,
    );
    if (result.data) onDone(copy.referred(choices.find(([id]) => id === v.teamId)?.[1] ?? ''));
    else form.fail(result.error);
  }

  return (
    <Dialog title={copy.referTitle} description={copy.referSummary}>
      <form onSubmit={submit} noValidate aria-label={copy.referTitle}>
        <FormFeedback message={form.message} />
        <SelectField label={copy.team} options={choices} placeholder={copy.choose} required {...form.field('teamId')} />
        <TextAreaField label={copy.reason} required {...form.field('reason')} />
        <SelectField label={copy.urgency} options={labelOptions(urgencyLabels)} required {...form.field('urgency')} />
        <ConfirmButtons label={copy.referConfirm} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

type Referral = PersonRecord['referrals'][number];

/**
 * "Chiudi" on an open or accepted referral: a formal act, with its outcome
 * required (`closeReferral`); the dialog says what will be recorded.
 */
export function CloseReferral({ referral }: { referral: Referral }) {
  const team = referral.team?.name ?? '';
  return (
    <DialogOpener
      label={copy.close}
      name={copy.closeLabel(team)}
      offered={referral.status !== 'CLOSED'}
      dialog={(done, cancel) => <CloseDialog referral={referral} team={team} onDone={done} onCancel={cancel} />}
    />
  );
}

function CloseDialog({
  referral,
  team,
  onDone,
  onCancel,
}: {
  referral: Referral;
  team: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const form = useForm('chiudi-segnalazione', ['outcome'] as const, { outcome: '' });
  const [{ fetching }, close] = useMutation(closeReferralMutation);

  async function confirm(event?: FormEvent) {
    event?.preventDefault();
    const outcome = form.values.outcome.trim();
    if (!form.check({ outcome: outcome ? undefined : copy.missingOutcome })) return;
    const result = await close({ input: { referralId: referral.id, outcome } }, context);
    if (result.data) onDone(copy.closed);
    else form.fail(result.error);
  }

  return (
    <Dialog role="alertdialog" title={copy.closeLabel(team)} description={copy.closeSummary(team)}>
      <form onSubmit={confirm} noValidate aria-label={copy.closeLabel(team)}>
        <FormFeedback message={form.message} />
        <TextAreaField label={copy.outcome} required {...form.field('outcome')} />
        <ConfirmButtons label={copy.closeConfirm} working={fetching} onConfirm={() => void confirm()} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
