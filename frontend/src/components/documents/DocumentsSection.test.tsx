import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createPonteClient } from '../../graphql/client';
import type { DocumentRowFragment } from '../../gql/graphql';
import { fakeServer, type Served } from '../../test/fakeServer';
import { DocumentsSection } from './DocumentsSection';

const pai: Served<DocumentRowFragment> = {
  __typename: 'Document',
  id: 'doc1',
  version: 1,
  kind: 'PAI_FIRMATO',
  subjectKind: 'PROJECT',
  subjectId: 'prj1',
  title: 'PAI firmato',
  documentDate: '2026-10-02',
  fileName: 'PAI firmato.pdf',
  contentType: 'application/pdf',
  sizeBytes: 250_000,
  uploadedAt: '2026-10-02T09:30:00Z',
  downloadUrl: '/documents/doc1',
  uploadedBy: { __typename: 'User', id: 'u1', displayName: 'Anna Rossi' },
};

const letter: Served<DocumentRowFragment> = {
  ...pai,
  id: 'doc2',
  kind: 'OTHER',
  title: 'Relazione',
  fileName: 'relazione.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function renderSection(server: ReturnType<typeof fakeServer>, http: typeof fetch) {
  const client = createPonteClient({ onSessionLost: vi.fn(), fetch: server.fetch });
  render(
    <Provider value={client}>
      <DocumentsSection subjectKind="PROJECT" subjectId="prj1" http={http} />
    </Provider>,
  );
}

function projectDocuments(documents: Served<DocumentRowFragment>[]) {
  return () => ({ data: { project: { __typename: 'IndividualProject', id: 'prj1', documents } } });
}

function jsonAnswer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('DocumentsSection', () => {
  it('lists the documents with a download link, and a preview for PDFs and images only', async () => {
    renderSection(fakeServer({ ProjectDocuments: projectDocuments([pai, letter]) }), vi.fn());
    const list = await screen.findByRole('list', { name: 'Documenti allegati' });
    expect(within(list).getAllByTestId('documento')).toHaveLength(2);
    expect(within(list).getByRole('link', { name: 'Scarica PAI firmato' })).toHaveAttribute('href', '/documents/doc1');
    expect(within(list).getByRole('button', { name: 'Anteprima di PAI firmato' })).toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: 'Anteprima di Relazione' })).not.toBeInTheDocument();
    expect(within(list).getByText(/PAI firmato · 02\/10\/2026 · PAI firmato\.pdf \(244 KB\)/)).toBeInTheDocument();
  });

  it('previews a PDF from an object URL of the file fetched with the session', async () => {
    const created = vi.fn(() => 'blob:anteprima');
    const revoked = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const http = vi.fn(async () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { status: 200 }));
    renderSection(fakeServer({ ProjectDocuments: projectDocuments([pai]) }), http);
    fireEvent.click(await screen.findByRole('button', { name: 'Anteprima di PAI firmato' }));
    const dialog = screen.getByRole('dialog', { name: 'Anteprima di PAI firmato' });
    const frame = await within(dialog).findByTitle('Anteprima di PAI firmato');
    expect(frame).toHaveAttribute('src', 'blob:anteprima');
    expect(http).toHaveBeenCalledWith('/documents/doc1', { credentials: 'same-origin' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chiudi l’anteprima' }));
    expect(revoked).toHaveBeenCalledWith('blob:anteprima');
  });

  it('uploads a file chosen by drag and drop with its kind, title and date, then lists it', async () => {
    let documents = [letter];
    const server = fakeServer({ ProjectDocuments: () => projectDocuments(documents)() });
    const http = vi.fn(async (...request: Parameters<typeof fetch>) => {
      expect(request).toHaveLength(2);
      documents = [letter, pai];
      return jsonAnswer(201, { id: 'doc1' });
    });
    renderSection(server, http);
    await screen.findByRole('list', { name: 'Documenti allegati' });
    fireEvent.click(screen.getByRole('button', { name: 'Carica un documento' }));

    // Nothing chosen: refused at the fields, nothing sent.
    fireEvent.click(screen.getByRole('button', { name: 'Carica il documento' }));
    expect(await screen.findByText('Scegli il file da caricare')).toBeInTheDocument();
    expect(screen.getByLabelText('File')).toHaveFocus();
    expect(http).not.toHaveBeenCalled();

    const file = new File(['%PDF-1.4 firmato'], 'PAI firmato.pdf', { type: 'application/pdf' });
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file] } });
    expect(screen.getByText('File scelto: PAI firmato.pdf (1 KB)')).toBeInTheDocument();
    expect(screen.getByLabelText(/Titolo/)).toHaveValue('PAI firmato');
    fireEvent.change(screen.getByLabelText(/Tipo di documento/), { target: { value: 'PAI_FIRMATO' } });
    fireEvent.change(screen.getByLabelText(/Data del documento/), { target: { value: '2026-10-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Carica il documento' }));

    expect(await screen.findByText('Documento caricato.')).toBeInTheDocument();
    const [url, init] = http.mock.calls[0];
    expect(url).toBe('/documents');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'X-Ponte-CSRF': '1' });
    const sent = init?.body as FormData;
    expect(Object.fromEntries([...sent.entries()].filter(([name]) => name !== 'file'))).toEqual({
      subjectKind: 'PROJECT',
      subjectId: 'prj1',
      kind: 'PAI_FIRMATO',
      title: 'PAI firmato',
      documentDate: '2026-10-02',
    });
    expect((sent.get('file') as File).name).toBe('PAI firmato.pdf');
    await waitFor(() => expect(screen.getAllByTestId('documento')).toHaveLength(2));
  });

  it("shows the server's refusal at the file field (a type read from the content, a size)", async () => {
    const http = vi.fn(async () =>
      jsonAnswer(413, {
        errors: [{ message: 'File troppo grande: al massimo 20.0 MB', extensions: { code: 'VALIDATION', field: 'file' } }],
      }),
    );
    renderSection(fakeServer({ ProjectDocuments: projectDocuments([]) }), http);
    expect(await screen.findByText('Nessun documento allegato.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Carica un documento' }));
    const file = new File(['x'.repeat(10)], 'scansione.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/Tipo di documento/), { target: { value: 'CONSENSO' } });
    fireEvent.click(screen.getByRole('button', { name: 'Carica il documento' }));
    expect(await screen.findByText('File troppo grande: al massimo 20.0 MB')).toBeInTheDocument();
    expect(screen.getByLabelText('File')).toHaveAttribute('aria-invalid', 'true');
  });

  it("lists a diary entry's own files from its person's record, and uploads onto the entry", async () => {
    const onEntry = { ...pai, id: 'doc3', subjectKind: 'DIARY_ENTRY' as const, subjectId: 'e1', title: 'Verbale della visita' };
    const onOther = { ...onEntry, id: 'doc4', subjectId: 'e2', title: 'Altra nota' };
    const server = fakeServer({
      PersonDocuments: ({ id }) => ({ data: { person: { __typename: 'Person', id, documents: [pai, onEntry, onOther] } } }),
    });
    const http = vi.fn(async () => jsonAnswer(201, { id: 'doc5' }));
    const client = createPonteClient({ onSessionLost: vi.fn(), fetch: server.fetch });
    render(
      <Provider value={client}>
        <DocumentsSection subjectKind="DIARY_ENTRY" subjectId="e1" personId="p1" http={http} />
      </Provider>,
    );
    const list = await screen.findByRole('list', { name: 'Documenti allegati' });
    expect(
      within(list)
        .getAllByTestId('documento')
        .map((d) => d.textContent),
    ).toEqual([expect.stringContaining('Verbale della visita')]);
    expect(server.requests.find((r) => r.operationName === 'PersonDocuments')?.variables).toEqual({ id: 'p1' });
    expect(screen.getByText(/Una nota riservata tiene riservati anche i suoi allegati/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Carica un documento' }));
    const file = new File(['%PDF-1.4'], 'verbale.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/Tipo di documento/), { target: { value: 'OTHER' } });
    fireEvent.click(screen.getByRole('button', { name: 'Carica il documento' }));
    expect(await screen.findByText('Documento caricato.')).toBeInTheDocument();
    const sent = (http.mock.calls[0] as unknown as [string, RequestInit])[1].body as FormData;
    expect(sent.get('subjectKind')).toBe('DIARY_ENTRY');
    expect(sent.get('subjectId')).toBe('e1');
  });

  it('deletes with a reason, after a confirmation', async () => {
    let documents = [pai];
    const server = fakeServer({
      ProjectDocuments: () => projectDocuments(documents)(),
      DeleteDocument: () => {
        documents = [];
        return { data: { deleteDocument: { __typename: 'Document', id: 'doc1', version: 2, deletedAt: '2026-10-03T10:00:00Z' } } };
      },
    });
    renderSection(server, vi.fn());
    fireEvent.click(await screen.findByRole('button', { name: 'Elimina il documento PAI firmato' }));
    const dialog = screen.getByRole('dialog', { name: 'Elimina il documento' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma l’eliminazione' }));
    expect(await within(dialog).findByText('Indica il motivo dell’eliminazione')).toBeInTheDocument();
    expect(server.requests.some((r) => r.operationName === 'DeleteDocument')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/Motivo/), { target: { value: 'Caricato sulla persona sbagliata' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma l’eliminazione' }));
    expect(await screen.findByText('Documento eliminato.')).toBeInTheDocument();
    expect(await screen.findByText('Nessun documento allegato.')).toBeInTheDocument();
    const deletion = server.requests.find((r) => r.operationName === 'DeleteDocument');
    expect(deletion?.variables).toEqual({ id: 'doc1', reason: 'Caricato sulla persona sbagliata', expectedVersion: 1 });
  });
});
