import { fireEvent, render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { AssessmentDetailQuery, AssessmentTeamQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { instrumentDefinitions, moderateBarthel } from '../../test/instruments';

const operator = viewer({ id: 'u-marco', role: 'OPERATOR', displayName: 'Marco Ghirardi', profession: 'INFERMIERE' });

const barthelAnswers = ['FEEDING', 'BATHING', 'GROOMING', 'DRESSING', 'BOWELS', 'BLADDER', 'TOILET_USE', 'TRANSFERS', 'MOBILITY', 'STAIRS'];
const spmsqAnswers = [
  'DATE',
  'WEEKDAY',
  'PLACE',
  'PHONE_OR_ADDRESS',
  'AGE',
  'BIRTH_DATE',
  'PRESIDENT',
  'PREVIOUS_PRESIDENT',
  'MOTHER_MAIDEN_NAME',
  'SUBTRACTION',
];

const assessment: Served<NonNullable<AssessmentDetailQuery['assessment']>> = {
  __typename: 'Assessment',
  id: 'a1',
  version: 1,
  date: '2026-11-02',
  setting: 'DOMICILIO',
  reason: 'FIRST_ASSESSMENT',
  needLevel: 'MEDIUM',
  recommendedSetting: 'HOME_WITH_ADI',
  notes: null,
  createdAt: '2026-11-02T10:00:00Z',
  signedAt: '2026-11-02T11:00:00Z',
  amended: false,
  amendmentReason: null,
  isLatest: true,
  person: { __typename: 'Person', id: 'p1', givenName: 'Adele', familyName: 'Guerini' },
  team: { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
  loggedBy: { __typename: 'User', id: 'u-marco', displayName: 'Marco Ghirardi' },
  signedBy: { __typename: 'User', id: 'u-marco', displayName: 'Marco Ghirardi' },
  joint: true,
  participants: [
    {
      __typename: 'Participant',
      profession: 'GERIATRA',
      organization: { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica' },
      user: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' },
    },
    {
      __typename: 'Participant',
      profession: 'ASSISTENTE_SOCIALE',
      organization: { __typename: 'Organization', id: 'o-breno', name: 'Comune di Breno' },
      user: { __typename: 'User', id: 'u-sara', displayName: 'Sara Bontempi' },
    },
  ],
  results: [
    {
      __typename: 'InstrumentResult',
      instrument: 'BARTHEL',
      score: 100,
      rawErrors: null,
      education: null,
      band: { __typename: 'ScoreBand', code: 'INDEPENDENT', label: 'Autonomo' },
      answers: barthelAnswers.map((item) => ({
        __typename: 'ItemAnswer',
        item,
        value: item === 'TRANSFERS' || item === 'MOBILITY' ? 15 : 10,
      })),
    },
    {
      __typename: 'InstrumentResult',
      instrument: 'SPMSQ',
      score: 2,
      rawErrors: 3,
      education: 'PRIMARY',
      band: { __typename: 'ScoreBand', code: 'INTACT', label: 'Funzioni cognitive integre' },
      answers: spmsqAnswers.map((item, i) => ({ __typename: 'ItemAnswer', item, value: i < 3 ? 1 : 0 })),
    },
  ],
  socialDomains: [],
  amends: null,
  amendments: [],
};

describe('AssessmentPage', () => {
  it("shows SPMSQ's errors as counted beside the score adjusted for schooling, and nothing of the kind for the Barthel", async () => {
    window.history.replaceState(null, '', '/valutazioni/a1');
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      AssessmentDetail: () => ({ data: { assessment } }),
      Instruments: () => ({ data: { instruments: instrumentDefinitions } }),
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    const spmsq = await screen.findByTestId('risultato-SPMSQ');
    expect(within(spmsq).getByTestId('punteggio-server')).toHaveTextContent('2 (scala 0–10)');
    expect(spmsq).toHaveTextContent('Istruzione: Licenza elementare o nessuna');
    expect(spmsq).toHaveTextContent('Errori rilevati: 3 (prima della correzione per istruzione)');
    expect(screen.getByTestId('risultato-BARTHEL')).not.toHaveTextContent('Errori rilevati');
    expect(screen.getByTestId('partecipanti')).toHaveTextContent('Elena Tognali – Geriatra (ASST della Valcamonica)');
    expect(screen.getByTestId('partecipanti')).toHaveTextContent('Sara Bontempi – Assistente sociale (Comune di Breno)');
    expect(screen.getByTestId('valutazione-congiunta')).toHaveTextContent('Valutazione congiunta');
  });

  it('shows a UVM refusal to sign at the participants, in Italian', async () => {
    window.history.replaceState(null, '', '/valutazioni/a1');
    const message =
      'Una valutazione UVM richiede almeno un assistente sociale e almeno un medico o infermiere tra i partecipanti: manca un medico o infermiere';
    const draft = {
      ...assessment,
      signedAt: null,
      signedBy: null,
      joint: false,
      participants: [
        {
          __typename: 'Participant',
          profession: 'ASSISTENTE_SOCIALE' as const,
          organization: null,
          user: { __typename: 'User', id: 'u-marco', displayName: 'Marco Ghirardi' },
        },
      ],
    };
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      AssessmentDetail: () => ({ data: { assessment: draft } }),
      Instruments: () => ({ data: { instruments: instrumentDefinitions } }),
      SignAssessment: () => ({ data: null, errors: [{ message, extensions: { code: 'VALIDATION', field: 'participantIds' } }] }),
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Firma' }));
    // Nothing is signed before the confirmation.
    expect(await screen.findByTestId('conferma-firma')).toHaveTextContent('Firmi la valutazione con un partecipante');
    expect(server.requests.some((r) => r.operationName === 'SignAssessment')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la firma' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent(message);
    expect(refusal).toHaveAttribute('id', 'partecipanti-errore');
    expect(screen.getByTestId('partecipanti')).toHaveAttribute('aria-describedby', 'partecipanti-errore');
    expect(screen.queryByTestId('valutazione-congiunta')).not.toBeInTheDocument();
  });

  describe('Modifica bozza', () => {
    const draft: typeof assessment = {
      ...assessment,
      version: 4,
      notes: 'Vive sola',
      signedAt: null,
      signedBy: null,
      // Answers the form can show: each one of its item's options.
      results: assessment.results.map((result) =>
        result.instrument === 'BARTHEL'
          ? {
              ...result,
              score: 85,
              answers: Object.entries(moderateBarthel).map(([item, value]) => ({ __typename: 'ItemAnswer', item, value })),
            }
          : result,
      ),
      socialDomains: [{ __typename: 'SocialDomainAssessment', domain: 'HOUSING', level: 2, note: 'Scale ripide' }],
      participants: [
        {
          __typename: 'Participant',
          profession: 'INFERMIERE',
          organization: null,
          user: { __typename: 'User', id: 'u-marco', displayName: 'Marco Ghirardi' },
        },
      ],
    };
    const member = (id: string, displayName: string, profession: 'INFERMIERE' | 'GERIATRA') => ({
      __typename: 'TeamMember' as const,
      active: true,
      user: { __typename: 'User' as const, id, displayName, profession, active: true, organization: null },
    });
    const uvm: Served<NonNullable<AssessmentTeamQuery['team']>> = {
      __typename: 'Team',
      id: 'uvm',
      name: 'UVM Valle Camonica',
      kind: 'UVM',
      members: [member('u-marco', 'Marco Ghirardi', 'INFERMIERE'), member('u-elena', 'Elena Tognali', 'GERIATRA')],
    };

    function renderDraft(answers: Array<() => unknown>, team = uvm, read: () => typeof draft = () => draft) {
      window.history.replaceState(null, '', '/valutazioni/a1');
      const server = fakeServer({
        Me: () => ({ data: { me: operator } }),
        AssessmentDetail: () => ({ data: { assessment: read() } }),
        Instruments: () => ({ data: { instruments: instrumentDefinitions } }),
        AssessmentTeam: () => ({ data: { team } }),
        // Each save gets the next answer.
        UpdateAssessment: () => answers.shift()?.() as never,
      });
      render(
        <SessionProvider fetch={server.fetch}>
          <App />
        </SessionProvider>,
      );
      return server;
    }

    it('opens the recording form prefilled with the draft and sends the change with the version read', async () => {
      const server = renderDraft([
        () => ({
          data: null,
          errors: [
            { message: 'La data della valutazione non può precedere la nascita', extensions: { code: 'VALIDATION', field: 'date' } },
          ],
        }),
        () => ({ data: { updateAssessment: { __typename: 'Assessment', id: 'a1', version: 5 } } }),
      ]);
      fireEvent.click(await screen.findByRole('button', { name: 'Modifica bozza' }));
      const form = screen.getByRole('form', { name: 'Salva la bozza' });
      // Prefilled with the draft: general data, participants, answers, social domains, conclusions.
      expect(within(form).getByLabelText('Équipe che valuta')).toHaveValue('uvm');
      expect(within(form).getByLabelText('Équipe che valuta')).toBeDisabled();
      expect(within(form).getByLabelText('Data della valutazione')).toHaveValue('2026-11-02');
      expect(within(form).getByLabelText('Luogo')).toHaveValue('DOMICILIO');
      expect(within(form).getByLabelText('Motivo')).toHaveValue('FIRST_ASSESSMENT');
      expect(within(form).getByLabelText('Marco Ghirardi – Infermiere')).toBeChecked();
      expect(within(form).getByLabelText('Elena Tognali – Geriatra')).not.toBeChecked();
      expect(document.getElementById('strumento-BARTHEL-STAIRS-5')).toBeChecked();
      expect(document.getElementById('strumento-SPMSQ-istruzione')).toHaveValue('PRIMARY');
      expect(within(form).getByLabelText('Adeguatezza abitativa', { exact: true })).toHaveValue('2');
      expect(within(form).getByLabelText('Nota su «Adeguatezza abitativa» (facoltativo)')).toHaveValue('Scale ripide');
      expect(within(form).getByLabelText('Livello di bisogno')).toHaveValue('MEDIUM');
      expect(within(form).getByLabelText('Setting raccomandato')).toHaveValue('HOME_WITH_ADI');
      expect(within(form).getByLabelText('Note (facoltativo)')).toHaveValue('Vive sola');
      // No reason is asked: a draft is not a rettifica.
      expect(within(form).queryByLabelText('Motivo della rettifica')).not.toBeInTheDocument();

      fireEvent.click(document.getElementById('strumento-BARTHEL-STAIRS-0') as HTMLElement);
      fireEvent.click(within(form).getByLabelText('Elena Tognali – Geriatra'));
      fireEvent.click(within(form).getByRole('button', { name: 'Salva la bozza' }));
      // The server's refusal sits at its field.
      const date = within(form).getByLabelText('Data della valutazione');
      expect(await within(form).findByText('La data della valutazione non può precedere la nascita')).toBeInTheDocument();
      expect(date).toHaveAttribute('aria-invalid', 'true');
      expect(date).toHaveFocus();

      fireEvent.change(date, { target: { value: '2026-11-03' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Salva la bozza' }));
      expect(await screen.findByText(/^Bozza aggiornata\./)).toBeInTheDocument();
      expect(screen.queryByRole('form', { name: 'Salva la bozza' })).not.toBeInTheDocument();
      const input = server.requests.filter((r) => r.operationName === 'UpdateAssessment').at(-1)?.variables.input as Record<
        string,
        unknown
      >;
      expect(input).toMatchObject({
        assessmentId: 'a1',
        expectedVersion: 4,
        date: '2026-11-03',
        setting: 'DOMICILIO',
        reason: 'FIRST_ASSESSMENT',
        participantIds: ['u-marco', 'u-elena'],
        socialDomains: [{ domain: 'HOUSING', level: 2, note: 'Scale ripide' }],
        needLevel: 'MEDIUM',
        recommendedSetting: 'HOME_WITH_ADI',
        notes: 'Vive sola',
      });
      const instruments = input.instruments as Array<{
        instrument: string;
        answers: Array<{ item: string; value: number }>;
        education: string | null;
      }>;
      expect(instruments.map((i) => i.instrument)).toEqual(['BARTHEL', 'SPMSQ']);
      expect(instruments[0].answers).toContainEqual({ item: 'STAIRS', value: 0 });
      expect(instruments[0].answers).toHaveLength(10);
      expect(instruments[1].education).toBe('PRIMARY');
      expect(input).not.toHaveProperty('amendmentReason');
    });

    it('says when someone else changed or signed the draft meanwhile, and reloads it', async () => {
      let current = draft;
      const server = renderDraft(
        [() => ({ data: null, errors: [{ message: 'La valutazione è stata modificata', extensions: { code: 'CONFLICT' } }] })],
        uvm,
        () => current,
      );
      fireEvent.click(await screen.findByRole('button', { name: 'Modifica bozza' }));
      // Meanwhile a colleague saves the draft with a note.
      current = { ...draft, version: 5, notes: 'Aggiunta da Elena' };
      fireEvent.click(screen.getByRole('button', { name: 'Salva la bozza' }));
      expect(await screen.findByText(/modificata o firmata da qualcun altro dopo che l’hai aperta/)).toBeInTheDocument();
      const loads = server.requests.filter((r) => r.operationName === 'AssessmentDetail').length;
      fireEvent.click(screen.getByRole('button', { name: 'Ricarica' }));
      await vi.waitFor(() => expect(server.requests.filter((r) => r.operationName === 'AssessmentDetail').length).toBe(loads + 1));
      // The form starts again from the version saved meanwhile.
      expect(await screen.findByLabelText('Note (facoltativo)')).toHaveValue('Aggiunta da Elena');
      expect(screen.queryByText(/modificata o firmata da qualcun altro/)).not.toBeInTheDocument();
    });

    it('is offered only to an operator of the assessing team', async () => {
      renderDraft([], { ...uvm, members: [member('u-elena', 'Elena Tognali', 'GERIATRA')] });
      expect(await screen.findByTestId('stato-firma')).toHaveTextContent('Bozza, non ancora firmata');
      // The team was read: still no button.
      await vi.waitFor(() => expect(screen.getByTestId('partecipanti')).toBeInTheDocument());
      expect(screen.queryByRole('button', { name: 'Modifica bozza' })).not.toBeInTheDocument();
    });
  });
});
