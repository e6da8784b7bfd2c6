import { Button } from 'design-react-kit';
import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DocumentKind, DocumentRowFragment, DocumentSubject } from '../../gql/graphql';
import { documentKindLabels, documentSubjectLabels, labelOptions } from '../../i18n/enums';
import { formatDate, formatDateTime, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { ConfirmButtons } from '../ConfirmButtons';
import { Dialog } from '../Dialog';
import { DialogOpener } from '../DialogOpener';
import { FormFeedback } from '../FormFeedback';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { useForm } from '../useForm';
import { documentsCopy as copy } from './copy';
import { uploadDocument } from './upload';

graphql(`
  fragment DocumentRow on Document {
    id
    version
    kind
    subjectKind
    subjectId
    title
    documentDate
    fileName
    contentType
    sizeBytes
    uploadedAt
    downloadUrl
    uploadedBy {
      id
      displayName
    }
  }
`);

export const personDocumentsQuery = graphql(`
  query PersonDocuments($id: ID!) {
    person(id: $id) {
      id
      documents {
        ...DocumentRow
      }
    }
  }
`);

export const projectDocumentsQuery = graphql(`
  query ProjectDocuments($id: ID!) {
    project(id: $id) {
      id
      documents {
        ...DocumentRow
      }
    }
  }
`);

export const assessmentDocumentsQuery = graphql(`
  query AssessmentDocuments($id: ID!) {
    assessment(id: $id) {
      id
      documents {
        ...DocumentRow
      }
    }
  }
`);

export const dischargeDocumentsQuery = graphql(`
  query DischargeDocuments($id: ID!) {
    discharge(id: $id) {
      id
      documents {
        ...DocumentRow
      }
    }
  }
`);

export const deleteDocumentMutation = graphql(`
  mutation DeleteDocument($id: ID!, $reason: String!, $expectedVersion: Int!) {
    deleteDocument(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      id
      version
      deletedAt
    }
  }
`);

/**
 * The documents of one subject, through the query of its kind (the others
 * paused). A diary entry's are read from its person's record (the server
 * lists there only those of the entries the viewer may read).
 */
function useDocuments(subjectKind: DocumentSubject, id: string, personId?: string) {
  const variables = { id };
  const network = { requestPolicy: 'network-only' as const };
  const [person, reloadPerson] = useQuery({ query: personDocumentsQuery, variables, pause: subjectKind !== 'PERSON' });
  const [project, reloadProject] = useQuery({ query: projectDocumentsQuery, variables, pause: subjectKind !== 'PROJECT' });
  const [assessment, reloadAssessment] = useQuery({ query: assessmentDocumentsQuery, variables, pause: subjectKind !== 'ASSESSMENT' });
  const [discharge, reloadDischarge] = useQuery({ query: dischargeDocumentsQuery, variables, pause: subjectKind !== 'DISCHARGE' });
  const [diary, reloadDiary] = useQuery({
    query: personDocumentsQuery,
    variables: { id: personId ?? '' },
    pause: subjectKind !== 'DIARY_ENTRY' || !personId,
  });
  switch (subjectKind) {
    case 'PERSON':
      return { result: person, documents: person.data?.person?.documents, reload: () => reloadPerson(network) };
    case 'PROJECT':
      return { result: project, documents: project.data?.project?.documents, reload: () => reloadProject(network) };
    case 'ASSESSMENT':
      return { result: assessment, documents: assessment.data?.assessment?.documents, reload: () => reloadAssessment(network) };
    case 'DISCHARGE':
      return { result: discharge, documents: discharge.data?.discharge?.documents, reload: () => reloadDischarge(network) };
    case 'DIARY_ENTRY':
      return {
        result: diary,
        documents: diary.data?.person?.documents.filter((d) => d.subjectKind === 'DIARY_ENTRY' && d.subjectId === id),
        reload: () => reloadDiary(network),
      };
  }
}

export interface DocumentsSectionProps {
  subjectKind: DocumentSubject;
  subjectId: string;
  /** For a diary entry: its person, whose record lists the entry's files. */
  personId?: string;
  /** False: the list only (a closed record, a reader who may not write). */
  canWrite?: boolean;
  /** For tests: the fetch of the upload and the preview. */
  http?: typeof fetch;
}

/**
 * Documenti: the files attached to a person's record or to one of its
 * objects (project, assessment, discharge). Upload by drag and drop or the
 * file picker, with kind, title and date; list; preview of PDFs and images
 * (the file fetched with the session and shown from an object URL); download
 * (a plain link: the server sends it as an attachment); delete with a reason,
 * after a confirmation. The server checks everything again: the type by the
 * content, the size, who may write.
 */
export function DocumentsSection({ subjectKind, subjectId, personId, canWrite = true, http }: DocumentsSectionProps) {
  const { result, documents, reload } = useDocuments(subjectKind, subjectId, personId);
  // Said here, not beside the document: once deleted it leaves the list.
  const [notice, setNotice] = useState<string>();
  const headingId = `documenti-${subjectKind.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="ponte-section">
      <h2 id={headingId} className="h4">
        {copy.heading}
      </h2>
      <p>{subjectKind === 'PERSON' ? copy.introPerson : subjectKind === 'DIARY_ENTRY' ? copy.introDiary : copy.intro}</p>
      {result.fetching && !documents ? (
        <p role="status">{copy.loading}</p>
      ) : result.error && !documents ? (
        <p className="text-danger">{copy.loadError}</p>
      ) : (
        <DocumentList
          documents={documents ?? []}
          showSubject={subjectKind === 'PERSON'}
          canWrite={canWrite}
          http={http}
          onDeleted={() => {
            setNotice(copy.remove.done);
            reload();
          }}
        />
      )}
      <div aria-live="polite">{notice && <p role="status">{notice}</p>}</div>
      {canWrite && <UploadForm subjectKind={subjectKind} subjectId={subjectId} http={http} onUploaded={reload} />}
    </section>
  );
}

function DocumentList({
  documents,
  showSubject,
  canWrite,
  http,
  onDeleted,
}: {
  documents: DocumentRowFragment[];
  showSubject: boolean;
  canWrite: boolean;
  http?: typeof fetch;
  onDeleted: () => void;
}) {
  const [preview, setPreview] = useState<DocumentRowFragment>();
  if (documents.length === 0) return <p>{copy.none}</p>;
  return (
    <>
      <ul className="list-unstyled ponte-documents" aria-label={copy.listLabel}>
        {documents.map((d) => (
          <li key={d.id} className="border-bottom py-2" data-testid="documento">
            <div className="fw-semibold">{d.title}</div>
            <div className="small">
              {documentKindLabels[d.kind]}
              {d.documentDate && ` · ${formatDate(d.documentDate)}`}
              {showSubject && ` · ${copy.attachedTo}: ${documentSubjectLabels[d.subjectKind]}`}
              {` · ${d.fileName} (${copy.size(d.sizeBytes)})`}
            </div>
            <div className="small text-muted">{copy.uploadedBy(d.uploadedBy?.displayName ?? '—', formatDateTime(d.uploadedAt))}</div>
            <div className="d-flex flex-wrap gap-2 mt-1">
              {previewable(d.contentType) && (
                <Button type="button" color="primary" outline size="xs" aria-label={copy.previewOf(d.title)} onClick={() => setPreview(d)}>
                  {copy.preview}
                </Button>
              )}
              <a
                className="btn btn-outline-primary btn-xs"
                href={d.downloadUrl}
                download={d.fileName}
                aria-label={copy.downloadOf(d.title)}
              >
                {copy.download}
              </a>
              {canWrite && (
                <DialogOpener
                  label={copy.remove.button}
                  name={copy.remove.open(d.title)}
                  color="danger"
                  dialog={(done, cancel) => (
                    <DeleteDialog
                      document={d}
                      onDone={() => {
                        done('');
                        onDeleted();
                      }}
                      onCancel={cancel}
                    />
                  )}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
      {preview && <Preview document={preview} http={http} onClose={() => setPreview(undefined)} />}
    </>
  );
}

export function previewable(contentType: string): boolean {
  return contentType === 'application/pdf' || contentType.startsWith('image/');
}

/** The file fetched with the session, shown from an object URL (revoked on close). */
function Preview({ document, http, onClose }: { document: DocumentRowFragment; http?: typeof fetch; onClose: () => void }) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    const get = http ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    get(document.downloadUrl, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [document.downloadUrl, http]);
  const title = copy.previewOf(document.title);
  return (
    <Dialog title={title} wide>
      {failed && <p role="alert">{copy.previewError}</p>}
      {!failed && !url && <p role="status">{copy.loading}</p>}
      {url &&
        (document.contentType === 'application/pdf' ? (
          <iframe title={title} src={url} className="ponte-document-preview" style={{ width: '100%', height: '70vh', border: 0 }} />
        ) : (
          <img src={url} alt={document.title} style={{ maxWidth: '100%', maxHeight: '70vh' }} />
        ))}
      <div className="mt-3">
        <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
          {copy.closePreview}
        </Button>
      </div>
    </Dialog>
  );
}

const DELETE_FIELDS = ['reason'] as const;

function DeleteDialog({ document, onDone, onCancel }: { document: DocumentRowFragment; onDone: () => void; onCancel: () => void }) {
  const form = useForm(`elimina-${document.id}`, DELETE_FIELDS, { reason: '' });
  const [{ fetching }, remove] = useMutation(deleteDocumentMutation);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const reason = form.values.reason.trim();
    if (!form.check({ reason: reason ? undefined : copy.remove.missingReason })) return;
    const result = await remove({ id: document.id, reason, expectedVersion: document.version });
    if (result.data) onDone();
    else form.fail(result.error, copy.remove.conflict);
  }

  return (
    <Dialog title={copy.remove.title} description={copy.remove.summary(document.title)}>
      <form onSubmit={submit} noValidate aria-label={copy.remove.title}>
        <FormFeedback message={form.message} />
        <TextAreaField label={copy.remove.reason} hint={copy.remove.reasonHint} required {...form.field('reason')} />
        <ConfirmButtons label={copy.remove.confirm} working={fetching} onConfirm={() => void submit()} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

const UPLOAD_FIELDS = ['file', 'kind', 'title', 'documentDate'] as const;
type UploadField = (typeof UPLOAD_FIELDS)[number];

function UploadForm({
  subjectKind,
  subjectId,
  http,
  onUploaded,
}: {
  subjectKind: DocumentSubject;
  subjectId: string;
  http?: typeof fetch;
  onUploaded: () => void;
}) {
  const prefix = `carica-${subjectKind.toLowerCase()}`;
  const initial = { file: '', kind: '', title: '', documentDate: '' };
  const form = useForm<UploadField>(prefix, UPLOAD_FIELDS, initial);
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [sending, setSending] = useState(false);
  const [picker, setPicker] = useState(0);
  const [open, setOpen] = useState(false);

  function choose(chosen: File | undefined) {
    setFile(chosen);
    form.set('file')(chosen?.name ?? '');
    if (chosen && !form.values.title.trim()) form.set('title')(chosen.name.replace(/\.[^.]+$/, ''));
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const ok = form.check({
      file: file ? undefined : copy.upload.missing.file,
      kind: v.kind ? undefined : copy.upload.missing.kind,
      title: v.title.trim() ? undefined : copy.upload.missing.title,
    });
    if (!ok || !file) return;
    setSending(true);
    const outcome = await uploadDocument(
      {
        subjectKind,
        subjectId,
        kind: v.kind as DocumentKind,
        title: v.title.trim(),
        documentDate: v.documentDate || undefined,
        file,
      },
      http,
    );
    setSending(false);
    if (outcome.ok) {
      form.done(copy.upload.done, initial);
      setFile(undefined);
      // A fresh file input: the browser keeps no file chosen.
      setPicker((n) => n + 1);
      onUploaded();
      return;
    }
    const field = UPLOAD_FIELDS.find((f) => f === outcome.field);
    if (field) form.check({ [field]: outcome.message });
    else form.setMessage({ kind: 'error', text: outcome.message ?? commonCopy.genericError });
  }

  // The form is built only when asked for: a record page holds several sections.
  if (!open)
    return (
      <Button type="button" color="primary" outline size="sm" aria-expanded={false} onClick={() => setOpen(true)}>
        {copy.upload.heading}
      </Button>
    );
  return (
    <div className="ponte-upload">
      <h3 className="h5">{copy.upload.heading}</h3>
      <form onSubmit={submit} noValidate aria-label={copy.upload.heading}>
        <div
          className={`ponte-dropzone p-3 mb-3 border rounded ${dragging ? 'border-primary bg-light' : ''}`}
          data-testid="dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <p className="mb-2">{dragging ? copy.upload.dropActive : copy.upload.drop}</p>
          <label htmlFor={`${prefix}-file`}>{copy.upload.file}</label>
          <input
            key={picker}
            id={`${prefix}-file`}
            type="file"
            className={`form-control ${form.errors.file ? 'is-invalid' : ''}`}
            accept=".pdf,.jpg,.jpeg,.png,.odt,.docx,application/pdf,image/jpeg,image/png"
            aria-describedby={`${prefix}-file-aiuto${form.errors.file ? ` ${prefix}-file-errore` : ''}`}
            aria-invalid={form.errors.file ? true : undefined}
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <small id={`${prefix}-file-aiuto`} className="form-text">
            {copy.upload.fileHint}
          </small>
          {file && <p className="mb-0 mt-2">{copy.upload.chosen(file.name, copy.size(file.size))}</p>}
          {form.errors.file && (
            <div id={`${prefix}-file-errore`} className="invalid-feedback d-block">
              {form.errors.file}
            </div>
          )}
        </div>
        <div className="row">
          <div className="col-12 col-md-4">
            <SelectField
              label={copy.upload.kind}
              placeholder={copy.upload.choose}
              options={labelOptions(documentKindLabels)}
              required
              {...form.field('kind')}
            />
          </div>
          <div className="col-12 col-md-5">
            <TextField label={copy.upload.title} required {...form.field('title')} />
          </div>
          <div className="col-12 col-md-3">
            <TextField label={copy.upload.date} type="date" max={todayIso()} {...form.field('documentDate')} />
          </div>
        </div>
        <FormFeedback message={form.message} />
        <Button type="submit" color="primary" disabled={sending}>
          {sending ? copy.upload.working : copy.upload.submit}
        </Button>
      </form>
    </div>
  );
}
