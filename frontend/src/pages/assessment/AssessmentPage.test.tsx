import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { AssessmentDetailQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { instrumentDefinitions } from '../../test/instruments';

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
});
