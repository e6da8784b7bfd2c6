import type { DocumentKind, DocumentSubject } from '../../gql/graphql';

export interface DocumentUpload {
  subjectKind: DocumentSubject;
  subjectId: string;
  kind: DocumentKind;
  title: string;
  /** YYYY-MM-DD, if known. */
  documentDate?: string;
  file: File;
}

export type UploadOutcome = { ok: true; id: string } | { ok: false; status: number; message?: string; field?: string };

/**
 * `POST /documents` as Ponte wants it: a multipart form (the browser sets
 * its boundary), the session cookie of this origin and the `X-Ponte-CSRF: 1`
 * header. A refusal comes in the GraphQL error shape: its message (Italian)
 * and the field it names.
 */
export async function uploadDocument(upload: DocumentUpload, http?: typeof fetch): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('subjectKind', upload.subjectKind);
  form.append('subjectId', upload.subjectId);
  form.append('kind', upload.kind);
  form.append('title', upload.title);
  if (upload.documentDate) form.append('documentDate', upload.documentDate);
  form.append('file', upload.file, upload.file.name);
  const send = http ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let response: Response;
  try {
    response = await send('/documents', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'X-Ponte-CSRF': '1' },
    });
  } catch {
    return { ok: false, status: 0 };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const id = (body as { id?: unknown } | null)?.id;
    return { ok: true, id: typeof id === 'string' ? id : '' };
  }
  const error = (body as { errors?: Array<{ message?: string; extensions?: { field?: string } }> } | null)?.errors?.[0];
  return { ok: false, status: response.status, message: error?.message, field: error?.extensions?.field };
}
