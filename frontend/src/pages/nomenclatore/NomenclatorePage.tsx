import { Badge, Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveTable } from '../../components/ScrollBox';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { NomenclatoreMappingsQuery, ServiceKind } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, serviceKindLabels } from '../../i18n/enums';
import { formatDateTime } from '../../i18n/format';
import { useViewer } from '../../session/session';
import { nomenclatoreCopy as copy } from './copy';

export const nomenclatoreMappingsQuery = graphql(`
  query NomenclatoreMappings {
    nomenclatoreMappings {
      serviceKind
      code
      label
      updatedAt
    }
  }
`);

const setNomenclatoreCodeMutation = graphql(`
  mutation SetNomenclatoreCode($serviceKind: ServiceKind!, $code: String!, $label: String!) {
    setNomenclatoreCode(serviceKind: $serviceKind, code: $code, label: $label) {
      serviceKind
      code
      label
      updatedAt
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
// The mappings have no id: a saved one makes the list be read again by its type.
const context = { additionalTypenames: ['NomenclatoreMapping'] };

type Mapping = NomenclatoreMappingsQuery['nomenclatoreMappings'][number];

/**
 * Nomenclatore: every intervention kind with its Italian label and the
 * nomenclatore code and wording the interventions flow writes for it; the
 * kinds without one are marked, since a flow that needs them is refused.
 * An ADMIN edits a row in place; a REPORTER (planning office) reads.
 */
export function NomenclatorePage() {
  const viewer = useViewer();
  const canRead = viewer.role === 'ADMIN' || viewer.role === 'REPORTER';
  const [{ data, error }] = useQuery({ query: nomenclatoreMappingsQuery, context, pause: !canRead });
  const [editing, setEditing] = useState<ServiceKind>();
  const [message, setMessage] = useState<string>();
  if (!canRead) {
    return (
      <>
        <PageHeading title={copy.title} />
        <FormMessage kind="error">{copy.forbidden}</FormMessage>
      </>
    );
  }
  const canEdit = viewer.role === 'ADMIN';
  const byKind = new Map((data?.nomenclatoreMappings ?? []).map((m) => [m.serviceKind, m]));
  const kinds = labelOptions(serviceKindLabels);
  const unmapped = kinds.filter(([kind]) => !byKind.has(kind)).length;
  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      {!canEdit && <p>{copy.readOnly}</p>}
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      <div aria-live="polite">{message && <FormMessage kind="success">{message}</FormMessage>}</div>
      {data && (
        <>
          <p data-testid="nomenclatore-mancanti" className={unmapped > 0 ? 'fw-semibold' : undefined}>
            {copy.unmappedSummary(unmapped)}
          </p>
          <ResponsiveTable className="ponte-table">
            <caption className="visually-hidden">{copy.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.kind}</th>
                <th scope="col">{copy.mapping}</th>
                {canEdit && <th scope="col">{copy.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {kinds.map(([kind, label]) =>
                editing === kind ? (
                  <EditRow
                    key={kind}
                    kind={kind}
                    mapping={byKind.get(kind)}
                    onDone={() => {
                      setEditing(undefined);
                      setMessage(copy.saved(label));
                    }}
                    onCancel={() => setEditing(undefined)}
                  />
                ) : (
                  <MappingRow
                    key={kind}
                    kind={kind}
                    mapping={byKind.get(kind)}
                    canEdit={canEdit}
                    onEdit={() => {
                      setMessage(undefined);
                      setEditing(kind);
                    }}
                  />
                ),
              )}
            </tbody>
          </ResponsiveTable>
        </>
      )}
    </>
  );
}

/** The kind, and the mark of a missing code beside it (where a phone shows it too). */
function KindCell({ kind, mapped }: { kind: ServiceKind; mapped: boolean }) {
  return (
    <th scope="row">
      {serviceKindLabels[kind]}
      <br />
      <span className="ponte-muted fw-normal">{kind}</span>
      {!mapped && (
        <>
          {' '}
          <Badge color="warning" pill>
            {copy.unmapped}
          </Badge>
        </>
      )}
    </th>
  );
}

function MappingRow({ kind, mapping, canEdit, onEdit }: { kind: ServiceKind; mapping?: Mapping; canEdit: boolean; onEdit: () => void }) {
  const label = serviceKindLabels[kind];
  return (
    <tr data-testid="riga-nomenclatore">
      <KindCell kind={kind} mapped={!!mapping} />
      <td>
        {mapping ? (
          <>
            <code>{mapping.code}</code> {mapping.label}
            <br />
            <span className="ponte-muted small">{copy.updatedAt(formatDateTime(mapping.updatedAt))}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      {canEdit && (
        <td>
          <Button
            type="button"
            color="primary"
            outline
            size="xs"
            aria-label={mapping ? copy.editLabel(label) : copy.setLabel(label)}
            onClick={onEdit}
          >
            {mapping ? copy.edit : copy.set}
          </Button>
        </td>
      )}
    </tr>
  );
}

const FIELDS = ['code', 'label'] as const;

/** A kind's row turned into its form: the code and the wording, saved together. */
function EditRow({ kind, mapping, onDone, onCancel }: { kind: ServiceKind; mapping?: Mapping; onDone: () => void; onCancel: () => void }) {
  const form = useForm(`nomenclatore-${kind}`, FIELDS, { code: mapping?.code ?? '', label: mapping?.label ?? '' });
  const [{ fetching }, save] = useMutation(setNomenclatoreCodeMutation);
  const v = form.values;
  // The row's button is gone: the focus goes to the first field of the form that replaced it.
  useEffect(() => document.getElementById(`nomenclatore-${kind}-code`)?.focus(), [kind]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      code: v.code.trim() ? undefined : copy.missing.code,
      label: v.label.trim() ? undefined : copy.missing.label,
    });
    if (!ok) return;
    const result = await save({ serviceKind: kind, code: v.code.trim(), label: v.label.trim() });
    if (result.data) onDone();
    else form.fail(result.error);
  }

  return (
    <tr data-testid="riga-nomenclatore">
      <KindCell kind={kind} mapped={!!mapping} />
      <td colSpan={2}>
        <form onSubmit={submit} noValidate aria-label={copy.editLabel(serviceKindLabels[kind])}>
          <FormFeedback message={form.message} />
          <div className="row">
            <div className="col-12 col-md-4">
              <TextField label={copy.code} autoComplete="off" required {...form.field('code')} />
            </div>
            <div className="col-12 col-md-8">
              <TextField label={copy.label} autoComplete="off" required {...form.field('label')} />
            </div>
          </div>
          <ConfirmButtons label={copy.save} working={fetching} onCancel={onCancel} />
        </form>
      </td>
    </tr>
  );
}
