import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import type { FormMessageState } from '../../components/useForm';
import { graphql } from '../../gql';
import type { PersonRecordQuery } from '../../gql/graphql';
import { findCode, formErrors } from '../../graphql/errors';
import { fiscalCodeMissingReasonLabels, sexLabels, targetGroupLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { personName } from '../../i18n/names';
import { newPersonCopy } from '../persons/copy';
import { PERSON_FIELDS, PersonFields, usePersonFields, type PersonValues } from '../persons/PersonFields';
import { personCopy } from './copy';

const copy = personCopy.correction;

export const updatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
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
      age
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
    }
  }
`);

/** The Comuni a person may reside in (an organization of kind COMUNE). */
export const residenceComuniQuery = graphql(`
  query ResidenceComuni {
    organizations(kind: COMUNE, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

type Person = NonNullable<PersonRecordQuery['person']>;

/** The form's values from the record: the starting point of a correction. */
export function valuesOf(person: Person): PersonValues {
  return {
    familyName: person.familyName,
    givenName: person.givenName,
    birthDate: person.birthDate,
    sex: person.sex,
    birthPlace: person.birthPlace ?? '',
    fiscalCode: person.fiscalCode ?? '',
    withoutFiscalCode: !person.fiscalCode,
    fiscalCodeMissingReason: person.fiscalCode ? '' : (person.fiscalCodeMissingReason ?? ''),
    alternativeCode: person.alternativeCode ?? '',
    residence: person.residence ?? '',
    homeless: person.homeless,
    residenceComuneId: person.residenceComune?.id ?? '',
    domicile: person.domicile ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    language: person.language ?? '',
    targetGroups: person.targetGroups,
  };
}

/**
 * What a correction changes, field by field, in the words of the record:
 * the summary confirmed before it is sent.
 */
export function changesOf(before: PersonValues, after: PersonValues, comuni: ReadonlyMap<string, string>): string[] {
  const c = newPersonCopy;
  const shown = (text: string) => text.trim() || copy.empty;
  const fiscal = (v: PersonValues) =>
    v.withoutFiscalCode
      ? copy.withoutFiscalCode(
          v.fiscalCodeMissingReason ? fiscalCodeMissingReasonLabels[v.fiscalCodeMissingReason] : copy.empty,
          v.fiscalCodeMissingReason && v.fiscalCodeMissingReason !== 'NOT_ASSIGNED' ? v.alternativeCode.trim().toUpperCase() : null,
        )
      : v.fiscalCode.trim().toUpperCase();
  const groups = (v: PersonValues) =>
    shown(
      Object.entries(targetGroupLabels)
        .filter(([g]) => v.targetGroups.some((t) => t === g))
        .map(([, label]) => label)
        .join(', '),
    );
  const described: Array<[string, (v: PersonValues) => string]> = [
    [c.familyName, (v) => shown(v.familyName)],
    [c.givenName, (v) => shown(v.givenName)],
    [c.birthDate, (v) => (v.birthDate ? formatDate(v.birthDate) : copy.empty)],
    [personCopy.identity.sex, (v) => (v.sex ? sexLabels[v.sex] : copy.empty)],
    [c.birthPlace, (v) => shown(v.birthPlace)],
    [c.fiscalCode, fiscal],
    [c.residence, (v) => shown(v.residence)],
    [copy.homeless, (v) => (v.homeless ? copy.yes : copy.no)],
    [c.residenceComune, (v) => comuni.get(v.residenceComuneId) ?? copy.empty],
    [c.domicile, (v) => shown(v.domicile)],
    [c.phone, (v) => shown(v.phone)],
    [c.email, (v) => shown(v.email)],
    [c.language, (v) => shown(v.language)],
    [c.sections.targetGroups, groups],
  ];
  return described.flatMap(([label, text]) => (text(before) === text(after) ? [] : [copy.change(label, text(before), text(after))]));
}

/**
 * "Modifica dati" on the person's record: every field "Nuova persona" asks
 * (the codice fiscale checked as it is typed, against the birth date and
 * sex), the Comune of residence too, in a dialog. An identity correction is
 * a formal act: the dialog first shows what changes, and only the
 * confirmation sends it, with the record's version (`updatePerson`, in the
 * history with who and when). The server's refusals sit at their fields; a
 * stale version is a CONFLICT, with "Ricarica".
 */
export function EditPerson({ person, onReload }: { person: Person; onReload: () => void }) {
  return (
    <DialogOpener
      label={copy.open}
      name={copy.open}
      dialog={(done, cancel) => <EditPersonDialog person={person} onReload={onReload} onDone={done} onCancel={cancel} />}
    />
  );
}

const ID_PREFIX = 'modifica-persona';

function EditPersonDialog({
  person,
  onReload,
  onDone,
  onCancel,
}: {
  person: Person;
  onReload: () => void;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const before = valuesOf(person);
  const fields = usePersonFields(before, person.id);
  const [comuni] = useQuery({ query: residenceComuniQuery });
  const [{ fetching }, update] = useMutation(updatePersonMutation);
  const [message, setMessage] = useState<FormMessageState>();
  // The summary of the changes, once the form is correct: shown for confirmation.
  const [changes, setChanges] = useState<string[]>();

  const comuneNames = new Map((comuni.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const));
  if (person.residenceComune) comuneNames.set(person.residenceComune.id, person.residenceComune.name);

  // The field to focus once the form is shown again (after the summary, the dialog focuses its first control).
  const focusAfterRender = useRef<string>(undefined);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = undefined;
  });

  function focusFirst(found: Partial<Record<string, string>>) {
    const first = PERSON_FIELDS.find((f) => found[f]);
    if (!first) return;
    const shown = document.getElementById(`${ID_PREFIX}-${first}`);
    if (shown) shown.focus();
    else focusAfterRender.current = `${ID_PREFIX}-${first}`;
  }

  function review(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const checked = fields.problems();
    if (checked.duplicate) {
      focusFirst({ fiscalCode: 'duplicate' });
      return;
    }
    fields.setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      focusFirst(checked.errors);
      return;
    }
    const found = changesOf(before, fields.values, comuneNames);
    if (found.length === 0) setMessage({ kind: 'error', text: copy.nothingChanged });
    else setChanges(found);
  }

  async function send() {
    const input = fields.input('');
    const result = await update({ input: { personId: person.id, expectedVersion: person.version, ...input } });
    if (result.data) {
      onDone(copy.done);
      return;
    }
    setChanges(undefined);
    const conflict = findCode(result.error, 'CONFLICT');
    // Two conflicts: the codice fiscale is someone else's (said at the field), or the record changed meanwhile.
    if (conflict && input.fiscalCode && input.fiscalCode !== person.fiscalCode && conflict.message.includes('codice fiscale')) {
      fields.refuseDuplicate();
      focusFirst({ fiscalCode: 'duplicate' });
    } else if (conflict) {
      setMessage({ kind: 'error', text: copy.conflict, conflict: true });
    } else if (result.error) {
      const mapped = formErrors(result.error, PERSON_FIELDS);
      fields.setErrors(mapped.fields);
      setMessage(mapped.general ? { kind: 'error', text: mapped.general } : undefined);
      focusFirst(mapped.fields);
    } else {
      setMessage({ kind: 'error', text: commonCopy.genericError });
    }
  }

  if (changes) {
    return (
      <Dialog title={copy.confirmTitle} description={copy.confirmIntro(personName(person, 'text'))} wide>
        <ul data-testid="riepilogo-correzione">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
        <ConfirmButtons label={copy.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setChanges(undefined)} />
      </Dialog>
    );
  }

  // An existing Comune cannot be taken away (the server keeps it when none is sent): no empty choice then.
  const comune = {
    options: [...comuneNames].sort((a, b) => a[1].localeCompare(b[1], 'it')),
    placeholder: person.residenceComune ? undefined : newPersonCopy.residenceComuneNone,
  };

  return (
    <Dialog title={copy.title} description={copy.summary} wide>
      <form onSubmit={review} noValidate aria-label={copy.title}>
        <FormFeedback message={message} onReload={onReload} />
        <PersonFields idPrefix={ID_PREFIX} state={fields} comune={comune} />
        <ConfirmButtons label={copy.save} working={false} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
