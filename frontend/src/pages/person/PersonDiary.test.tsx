import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { DiaryEntryFieldsFragment, DocumentRowFragment, PersonTimelineQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { amina } from '../../test/person';
import { renderAt } from '../../test/renderApp';
import { localDateTime, TIMELINE_PAGE } from './PersonDiary';

const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });
const HOUR = 3600 * 1000;

function diaryEntry(
  id: string,
  writtenHoursAgo: number,
  overrides: Partial<Served<DiaryEntryFieldsFragment>> = {},
): Served<DiaryEntryFieldsFragment> {
  const written = new Date(Date.now() - writtenHoursAgo * HOUR);
  return {
    __typename: 'DiaryEntry',
    id,
    version: 1,
    kind: 'VISITA_DOMICILIARE',
    occurredAt: written.toISOString(),
    durationMinutes: 45,
    place: 'Domicilio',
    text: 'La figlia riferisce cadute notturne.',
    followUpOn: null,
    confidential: false,
    editableUntil: new Date(written.getTime() + 24 * HOUR).toISOString(),
    author: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' },
    participants: [{ __typename: 'DiaryParticipant', role: 'FAMILIARE', description: 'la figlia', user: null }],
    annotations: [],
    documents: [],
    ...overrides,
  };
}

type Item = Served<NonNullable<PersonTimelineQuery['person']>['timeline']['nodes'][number]>;

const empty = { referral: null, assessment: null, project: null, discharge: null, diaryEntry: null };

/** One page of the timeline: `items` of `total`, the next after `endCursor` when there is one. */
function timeline(items: Item[], total = items.length, endCursor: string | null = null) {
  return {
    data: {
      person: {
        __typename: 'Person',
        id: 'p1',
        timeline: {
          __typename: 'TimelineItemConnection',
          totalCount: total,
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          nodes: items,
        },
      },
    },
  };
}

const fresh = diaryEntry('e-fresh', 2);
const old = diaryEntry('e-old', 30, {
  kind: 'TELEFONATA',
  text: 'Telefonata con il MMG.',
  confidential: true,
  annotations: [
    {
      __typename: 'DiaryAnnotation',
      id: 'a1',
      text: 'Era il medico sostituto.',
      createdAt: new Date().toISOString(),
      author: { __typename: 'User', id: 'u2', displayName: 'Marco Rizzi' },
    },
  ],
});

const items: Item[] = [
  { __typename: 'TimelineItem', at: fresh.occurredAt, kind: 'DIARY_ENTRY', code: 'VISITA_DOMICILIARE', ...empty, diaryEntry: fresh },
  { __typename: 'TimelineItem', at: old.occurredAt, kind: 'DIARY_ENTRY', code: 'TELEFONATA', ...empty, diaryEntry: old },
  {
    __typename: 'TimelineItem',
    at: '2026-10-01T00:00:00Z',
    kind: 'REFERRAL_OPENED',
    code: 'ORDINARY',
    ...empty,
    referral: { __typename: 'Referral', id: 'r1', team: { __typename: 'Team', id: 't1', name: 'PUA Breno' } },
  },
];

describe('Diario e cronologia nella scheda della persona', () => {
  it('shows the diary merged with the other events, edit within 24 hours and annotate after, and filters by kind', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      PersonTimeline: ({ kinds }) => timeline(kinds ? items.filter((i) => kinds.includes(i.kind)) : items),
    });
    renderAt('/persone/p1', server);
    const list = await screen.findByTestId('cronologia', {}, { timeout: 15_000 });
    expect(await within(list).findAllByTestId('evento-cronologia')).toHaveLength(3);
    expect(within(list).getByText('Segnalazione a PUA Breno')).toBeInTheDocument();
    const [first, second] = within(list).getAllByTestId('nota-diario');
    expect(first).toHaveTextContent('Visita domiciliare');
    expect(first).toHaveTextContent('Familiare: la figlia');
    expect(within(first).getByRole('button', { name: /^Modifica la nota del/ })).toBeInTheDocument();
    expect(within(first).queryByRole('button', { name: /^Annota/ })).toBeNull();
    // After 24 hours: the original stays, with its annotation, and only "Annota".
    expect(second).toHaveTextContent('Riservata');
    expect(second).toHaveTextContent('Telefonata con il MMG.');
    expect(within(second).getByTestId('annotazione')).toHaveTextContent('Marco Rizzi');
    expect(within(second).getByRole('button', { name: /^Annota la nota del/ })).toBeInTheDocument();
    expect(within(second).queryByRole('button', { name: /^Modifica/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Mostra'), { target: { value: 'REFERRAL_OPENED' } });
    // Only the referral is left (waiting for the list that the filter's answer renders, not the one it replaces).
    await waitFor(() => expect(within(screen.getByTestId('cronologia')).getAllByTestId('evento-cronologia')).toHaveLength(1));
    expect(within(screen.getByTestId('cronologia')).getByText('Segnalazione a PUA Breno')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'PersonTimeline').at(-1)?.variables).toEqual({
      id: 'p1',
      kinds: ['REFERRAL_OPENED'],
      first: TIMELINE_PAGE,
      after: null,
    });
  });

  it('scrolls to the diary and focuses it when opened from the agenda (#scheda-diario)', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      PersonTimeline: ({ kinds }) => timeline(kinds ? items.filter((i) => kinds.includes(i.kind)) : items),
    });
    renderAt('/persone/p1#scheda-diario', server);
    const heading = await screen.findByRole('heading', { name: 'Diario e cronologia' }, { timeout: 15_000 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled.mock.instances[0]).toBe(heading);
    // A filter afterwards reloads the list but leaves the focus where the user put it.
    const filter = screen.getByLabelText('Mostra');
    filter.focus();
    fireEvent.change(filter, { target: { value: 'REFERRAL_OPENED' } });
    await waitFor(() => expect(within(screen.getByTestId('cronologia')).getAllByTestId('evento-cronologia')).toHaveLength(1));
    expect(filter).toHaveFocus();
    expect(scrolled).toHaveBeenCalledTimes(1);
  });

  it('pages the timeline beyond the first page with "Carica altri"', async () => {
    const referral = (n: number): Item => ({
      __typename: 'TimelineItem',
      at: new Date(Date.UTC(2026, 9, 30 - n)).toISOString(),
      kind: 'REFERRAL_OPENED',
      code: 'ORDINARY',
      ...empty,
      referral: { __typename: 'Referral', id: `r${n}`, team: { __typename: 'Team', id: 't1', name: `Équipe ${n}` } },
    });
    const all = Array.from({ length: TIMELINE_PAGE + 3 }, (_, n) => referral(n));
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      PersonTimeline: ({ after }) =>
        after === 'pagina-2'
          ? timeline(all.slice(TIMELINE_PAGE), all.length)
          : timeline(all.slice(0, TIMELINE_PAGE), all.length, 'pagina-2'),
    });
    renderAt('/persone/p1', server);
    const list = await screen.findByTestId('cronologia', {}, { timeout: 15_000 });
    expect(await within(list).findAllByTestId('evento-cronologia')).toHaveLength(TIMELINE_PAGE);
    expect(screen.getByText(`Mostrati ${TIMELINE_PAGE} eventi su ${all.length}.`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Carica altri' }));
    expect(await within(list).findByText(`Segnalazione a Équipe ${all.length - 1}`)).toBeInTheDocument();
    expect(within(list).getAllByTestId('evento-cronologia')).toHaveLength(all.length);
    expect(screen.getByText(`Mostrati ${all.length} eventi su ${all.length}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Carica altri' })).toBeNull();
  });

  it("opens an entry's attachments: its own files only, with the upload", async () => {
    const withFile = diaryEntry('e-file', 30, { documents: [{ __typename: 'Document', id: 'd1' }] });
    const verbale: Served<DocumentRowFragment> = {
      __typename: 'Document',
      id: 'd1',
      version: 1,
      kind: 'OTHER',
      subjectKind: 'DIARY_ENTRY',
      subjectId: 'e-file',
      title: 'Verbale della visita',
      documentDate: null,
      fileName: 'verbale.pdf',
      contentType: 'application/pdf',
      sizeBytes: 2048,
      uploadedAt: '2026-11-20T10:00:00Z',
      downloadUrl: '/documents/d1',
      uploadedBy: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' },
    };
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      PersonTimeline: () =>
        timeline([
          {
            __typename: 'TimelineItem',
            at: withFile.occurredAt,
            kind: 'DIARY_ENTRY',
            code: 'VISITA_DOMICILIARE',
            ...empty,
            diaryEntry: withFile,
          },
          {
            __typename: 'TimelineItem',
            at: fresh.occurredAt,
            kind: 'DIARY_ENTRY',
            code: 'VISITA_DOMICILIARE',
            ...empty,
            diaryEntry: fresh,
          },
        ]),
      PersonDocuments: () => ({
        data: {
          person: {
            __typename: 'Person',
            id: 'p1',
            documents: [verbale, { ...verbale, id: 'd2', subjectKind: 'PERSON', subjectId: 'p1', title: 'Carta d’identità' }],
          },
        },
      }),
    });
    renderAt('/persone/p1', server);
    const list = await screen.findByTestId('cronologia', {}, { timeout: 15_000 });
    const [entry, bare] = await within(list).findAllByTestId('nota-diario');
    expect(within(bare).getByRole('button', { name: /^Allegati della nota del/ })).toHaveTextContent('Allega');
    fireEvent.click(within(entry).getByRole('button', { name: /^Allegati della nota del/ }));
    const dialog = screen.getByRole('dialog', { name: 'Allegati della nota di diario' });
    expect(await within(dialog).findByText('Verbale della visita')).toBeInTheDocument();
    expect(within(dialog).queryByText('Carta d’identità')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Anteprima di Verbale della visita' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Carica un documento' })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chiudi' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('writes a new entry in two clicks, refusing an empty text in the browser, with colleagues and a linked record', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      PersonTimeline: () => timeline([]),
      WriteDiaryEntry: () => ({ data: { writeDiaryEntry: diaryEntry('e-new', 0) } }),
      DiaryDialogOptions: () => ({
        data: {
          person: {
            __typename: 'Person',
            id: 'p1',
            teams: [
              {
                __typename: 'Team',
                id: 't1',
                members: [
                  { __typename: 'TeamMember', user: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' } },
                  { __typename: 'TeamMember', user: { __typename: 'User', id: 'u-marco', displayName: 'Marco Rizzi' } },
                  { __typename: 'TeamMember', user: { __typename: 'User', id: 'u-sara', displayName: 'Sara Bonomi' } },
                ],
              },
            ],
            projects: [{ __typename: 'IndividualProject', id: 'prj1', title: 'PAI 2026' }],
            referrals: [],
            assessments: { __typename: 'AssessmentConnection', nodes: [{ __typename: 'Assessment', id: 'as1', date: '2026-10-15' }] },
            discharges: [],
          },
        },
      }),
    });
    renderAt('/persone/p1', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Nuova nota di diario' }, { timeout: 15_000 }));
    const dialog = screen.getByRole('dialog', { name: 'Nuova nota di diario' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la nota' }));
    expect(within(dialog).getByLabelText('Testo della nota')).toHaveAccessibleDescription('Scrivi il testo della nota');
    expect(server.requests.some((r) => r.operationName === 'WriteDiaryEntry')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Tipo'), { target: { value: 'TELEFONATA' } });
    fireEvent.change(within(dialog).getByLabelText('Data e ora'), { target: { value: '2026-11-20T10:30' } });
    fireEvent.change(within(dialog).getByLabelText('Durata (minuti)'), { target: { value: '15' } });
    fireEvent.click(within(dialog).getByLabelText('Familiare'));
    fireEvent.change(within(dialog).getByLabelText('Altri partecipanti (ruolo, servizio)'), { target: { value: 'il figlio' } });
    fireEvent.change(within(dialog).getByLabelText('Testo della nota'), { target: { value: ' Chiede il SAD. ' } });
    fireEvent.change(within(dialog).getByLabelText('Da riprendere il'), { target: { value: '2026-11-27' } });
    fireEvent.click(within(dialog).getByLabelText(/^Riservata/));
    // Colleagues of the person's teams (not the writer), searchable; a record of the person.
    fireEvent.change(await within(dialog).findByLabelText('Cerca tra i colleghi'), { target: { value: 'mar' } });
    expect(within(dialog).queryByLabelText('Sara Bonomi')).toBeNull();
    expect(within(dialog).queryByLabelText('Elena Tognali')).toBeNull();
    fireEvent.click(within(dialog).getByLabelText('Marco Rizzi'));
    fireEvent.change(within(dialog).getByLabelText('Collegata a'), { target: { value: 'assessmentId:as1' } });
    expect(within(dialog).getByRole('option', { name: 'Progetto «PAI 2026»' })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la nota' }));
    expect(await screen.findByText('Nota di diario salvata.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'WriteDiaryEntry')?.variables).toEqual({
      input: {
        personId: 'p1',
        projectId: null,
        referralId: null,
        assessmentId: 'as1',
        dischargeId: null,
        entry: {
          kind: 'TELEFONATA',
          occurredAt: new Date('2026-11-20T10:30').toISOString(),
          durationMinutes: 15,
          place: null,
          participants: [{ userId: 'u-marco' }, { role: 'FAMILIARE', description: 'il figlio' }],
          text: 'Chiede il SAD.',
          followUpOn: '2026-11-27',
          confidential: true,
        },
      },
    });
  });
});

describe('localDateTime', () => {
  it('writes a local instant as datetime-local takes it', () => {
    expect(localDateTime(new Date(2026, 10, 3, 9, 5))).toBe('2026-11-03T09:05');
  });
});
