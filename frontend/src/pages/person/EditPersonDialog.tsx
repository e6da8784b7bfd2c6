import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { PersonRecordQuery } from '../../gql/graphql';
import { personCopy } from './copy';

const copy = personCopy.correction;

export const updatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      version
      givenName
      familyName
      birthPlace
      residence
      domicile
      phone
      email
      language
    }
  }
`);

type Person = NonNullable<PersonRecordQuery['person']>;

const FIELDS = ['givenName', 'familyName', 'birthPlace', 'residence', 'domicile', 'phone', 'email', 'language'] as const;

/**
 * "Modifica dati" on the person's record: names and contacts in a dialog,
 * sent with the record's version (`updatePerson`, audited with who and
 * when). An emptied optional field is cleared; the server checks the names
 * against the codice fiscale and says so at the field; a stale version is a
 * CONFLICT, with "Ricarica".
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
  const form = useForm('modifica-persona', FIELDS, {
    givenName: person.givenName,
    familyName: person.familyName,
    birthPlace: person.birthPlace ?? '',
    residence: person.residence ?? '',
    domicile: person.domicile ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    language: person.language ?? '',
  });
  const [{ fetching }, update] = useMutation(updatePersonMutation);
  const v = form.values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      givenName: v.givenName.trim() ? undefined : copy.missingGivenName,
      familyName: v.familyName.trim() ? undefined : copy.missingFamilyName,
    });
    if (!ok) return;
    const trimmed = Object.fromEntries(FIELDS.map((f) => [f, v[f].trim()])) as Record<(typeof FIELDS)[number], string>;
    const result = await update({ input: { personId: person.id, expectedVersion: person.version, ...trimmed } });
    if (result.data) onDone(copy.done);
    else form.fail(result.error, copy.conflict);
  }

  return (
    <Dialog title={copy.title} description={copy.summary}>
      <form onSubmit={submit} noValidate aria-label={copy.title}>
        <FormFeedback message={form.message} onReload={onReload} />
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField label={copy.givenName} autoComplete="off" required {...form.field('givenName')} />
          </div>
          <div className="col-12 col-md-6">
            <TextField label={copy.familyName} autoComplete="off" required {...form.field('familyName')} />
          </div>
        </div>
        <TextField label={copy.birthPlace} autoComplete="off" {...form.field('birthPlace')} />
        <TextField label={copy.residence} autoComplete="off" {...form.field('residence')} />
        <TextField label={copy.domicile} autoComplete="off" {...form.field('domicile')} />
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField label={copy.phone} type="tel" autoComplete="off" {...form.field('phone')} />
          </div>
          <div className="col-12 col-md-6">
            <TextField label={copy.email} type="email" autoComplete="off" {...form.field('email')} />
          </div>
        </div>
        <TextField label={copy.language} autoComplete="off" {...form.field('language')} />
        <ConfirmButtons label={copy.save} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
