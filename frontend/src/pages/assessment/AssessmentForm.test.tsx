import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { vi } from 'vitest';
import { barthel, instrumentDefinitions, spmsq } from '../../test/instruments';
import {
  AssessmentForm,
  assessmentErrors,
  emptyAssessment,
  toAssessmentContent,
  type AssessingTeam,
  type AssessmentFormProps,
} from './AssessmentForm';

const team: AssessingTeam = {
  id: 'uvm',
  name: 'UVM Valle Camonica',
  kind: 'UVM',
  members: [
    { id: 'geriatra', displayName: 'Elena Tognali', profession: 'MEDICO_SPECIALISTA' },
    { id: 'infermiere', displayName: 'Marco Ghirardi', profession: 'INFERMIERE' },
  ],
};

function renderForm(props: Partial<AssessmentFormProps> = {}) {
  const onSubmit = vi.fn<AssessmentFormProps['onSubmit']>().mockResolvedValue(undefined);
  render(
    <AssessmentForm
      instruments={instrumentDefinitions}
      teams={[team]}
      initial={emptyAssessment('uvm', ['geriatra'])}
      submitLabel="Registra valutazione"
      submittingLabel="Registrazione in corso…"
      {...props}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

/** Opens an instrument's items, closed until the operator starts it. */
function open(instrument: string) {
  if (document.getElementById(`strumento-${instrument}-voci`)) return;
  fireEvent.click(within(screen.getByTestId(`strumento-${instrument}`)).getByRole('button', { name: /^Compila lo strumento/ }));
}

function choose(instrument: string, item: string, value: number) {
  open(instrument);
  const id = `strumento-${instrument}-${item}-${value}`;
  const option = document.getElementById(id);
  if (!option) throw new Error(`no answer #${id} in the form`);
  fireEvent.click(option);
}

function fillRequired() {
  fireEvent.change(screen.getByLabelText('Luogo'), { target: { value: 'DOMICILIO' } });
  fireEvent.change(screen.getByLabelText('Motivo'), { target: { value: 'FIRST_ASSESSMENT' } });
  fireEvent.change(screen.getByLabelText('Livello di bisogno'), { target: { value: 'HIGH' } });
  fireEvent.change(screen.getByLabelText('Setting raccomandato'), { target: { value: 'RSA' } });
}

describe('AssessmentForm rendered from the instrument definitions', () => {
  it('gives every instrument a fieldset and every item a radio group of its options', () => {
    renderForm();
    for (const definition of instrumentDefinitions) {
      open(definition.code);
      const fieldset = screen.getByTestId(`strumento-${definition.code}`);
      expect(fieldset).toHaveAccessibleName(definition.name);
      for (const item of definition.items) {
        // By id: asking the accessibility tree for each of ~40 groups is slow in jsdom.
        const group = fieldset.querySelector(`#strumento-${definition.code}-${item.code}`);
        expect(group?.tagName).toBe('FIELDSET');
        expect(group?.querySelector('legend')).toHaveTextContent(item.label);
        expect(group?.querySelectorAll('input[type="radio"]')).toHaveLength(item.options.length);
      }
    }
    const feeding = within(screen.getByTestId('strumento-BARTHEL')).getByRole('group', { name: 'Alimentazione' });
    expect(within(feeding).getByLabelText('Necessita di aiuto (tagliare, spalmare) (5 punti)')).toHaveAttribute('value', '5');
  });

  it('asks for the education level only where the instrument uses it', () => {
    renderForm();
    for (const definition of instrumentDefinitions) open(definition.code);
    const education = screen.getAllByLabelText('Livello di istruzione');
    expect(education).toHaveLength(1);
    expect(within(screen.getByRole('group', { name: spmsq.name })).getByLabelText('Livello di istruzione')).toBe(education[0]);
  });

  it('offers the members of the team as participants, the viewer ticked', () => {
    renderForm();
    expect(screen.getByLabelText('Elena Tognali – Medico specialista')).toBeChecked();
    expect(screen.getByLabelText('Marco Ghirardi – Infermiere')).not.toBeChecked();
  });

  it('shows the Barthel score and band live, as a provisional score', () => {
    renderForm();
    open('BARTHEL');
    const live = screen.getByTestId('strumento-BARTHEL-punteggio');
    expect(live).toHaveTextContent('Nessuna risposta: lo strumento non verrà registrato.');
    choose('BARTHEL', 'FEEDING', 10);
    choose('BARTHEL', 'BATHING', 5);
    expect(live).toHaveTextContent('Risposte date: 2 su 10 (punti finora: 15)');
    for (const item of barthel.items) choose('BARTHEL', item.code, Math.max(...item.options.map((o) => o.value)));
    expect(live).toHaveTextContent('Punteggio: 100 su 100 – Autonomo');
    choose('BARTHEL', 'STAIRS', 0);
    expect(live).toHaveTextContent('Punteggio: 90 su 100 – Dipendenza moderata');
    expect(live).toHaveTextContent('Punteggio provvisorio: diventa definitivo quando la valutazione viene registrata.');
    expect(document.body).not.toHaveTextContent(/browser|server/);
  });

  it('adjusts the SPMSQ errors for the education chosen', () => {
    renderForm();
    open('SPMSQ');
    spmsq.items.forEach((item, i) => choose('SPMSQ', item.code, i < 3 ? 1 : 0));
    const live = screen.getByTestId('strumento-SPMSQ-punteggio');
    expect(live).toHaveTextContent('Indica il livello di istruzione per calcolare il punteggio.');
    const education = screen.getByLabelText('Livello di istruzione');
    fireEvent.change(education, { target: { value: 'PRIMARY' } });
    expect(live).toHaveTextContent('Punteggio: 2 su 10 – Funzioni cognitive integre (errori contati: 3');
    fireEvent.change(education, { target: { value: 'BEYOND_SECONDARY' } });
    expect(live).toHaveTextContent('Punteggio: 4 su 10 – Deterioramento cognitivo lieve');
  });

  it('refuses a started instrument left incomplete, without calling the server', () => {
    const onSubmit = renderForm();
    fillRequired();
    choose('BARTHEL', 'FEEDING', 10);
    fireEvent.click(screen.getByRole('button', { name: 'Registra valutazione' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Mancano le risposte a 9 voci: completale o lascia vuoto l’intero strumento.')).toBeInTheDocument();
    // Each item without an answer is marked, and the focus is on the first of them.
    const marked = screen.getAllByText('Manca la risposta a questa voce');
    expect(marked).toHaveLength(9);
    expect(screen.getByRole('group', { name: 'Alimentazione' })).not.toHaveClass('ponte-missing');
    expect(screen.getByRole('group', { name: barthel.items[1].label })).toHaveClass('ponte-missing');
    expect(screen.getByRole('group', { name: barthel.items[1].label })).toHaveFocus();
    // Answering an item takes its mark away.
    choose('BARTHEL', barthel.items[1].code, 0);
    expect(screen.getAllByText('Manca la risposta a questa voce')).toHaveLength(8);
  });

  it('opens a closed instrument that was left incomplete, to mark its items', () => {
    renderForm();
    fillRequired();
    choose('BARTHEL', 'FEEDING', 10);
    fireEvent.click(screen.getByRole('button', { name: 'Nascondi le voci' }));
    expect(document.getElementById('strumento-BARTHEL-voci')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Registra valutazione' }));
    expect(screen.getByRole('group', { name: barthel.items[1].label })).toHaveFocus();
  });

  it('keeps the instruments closed until started, and their provisional scores in one summary', () => {
    renderForm();
    for (const definition of instrumentDefinitions) {
      const section = screen.getByTestId(`strumento-${definition.code}`);
      expect(within(section).queryAllByRole('radio')).toHaveLength(0);
      expect(within(section).getByRole('button', { name: `Compila lo strumento (${definition.items.length} voci)` })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    }
    const summary = screen.getByRole('complementary', { name: 'Punteggio provvisorio' });
    expect(summary).toHaveClass('ponte-score-summary');
    expect(summary).toHaveTextContent('Nessuno strumento ancora compilato.');
    for (const item of barthel.items) choose('BARTHEL', item.code, Math.max(...item.options.map((o) => o.value)));
    expect(summary).toHaveTextContent(`${barthel.name}: Punteggio: 100 su 100 – Autonomo`);
    // Closed again, the section still says its score.
    fireEvent.click(screen.getByRole('button', { name: 'Nascondi le voci' }));
    expect(screen.getByTestId('strumento-BARTHEL')).toHaveTextContent('Punteggio: 100 su 100 – Autonomo');
  });

  it('sends only the instruments filled in and the domains rated', async () => {
    const onSubmit = renderForm();
    fillRequired();
    for (const item of barthel.items) choose('BARTHEL', item.code, 0);
    fireEvent.change(screen.getByLabelText('Situazione economica'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Registra valutazione' }));
    });
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const content = onSubmit.mock.calls[0][1];
    expect(content).toMatchObject({
      setting: 'DOMICILIO',
      reason: 'FIRST_ASSESSMENT',
      participantIds: ['geriatra'],
      needLevel: 'HIGH',
      recommendedSetting: 'RSA',
      notes: null,
      socialDomains: [{ domain: 'ECONOMIC', level: 3, note: null }],
    });
    expect(content.instruments).toHaveLength(1);
    expect(content.instruments[0]).toMatchObject({ instrument: 'BARTHEL', education: null });
    expect(content.instruments[0].answers).toHaveLength(10);
    // No score is ever sent: the server computes it.
    expect(JSON.stringify(content)).not.toMatch(/score/i);
  });
});

describe('assessmentErrors', () => {
  it('puts an instruments[i] error by the i-th instrument sent and the rest by their fields', () => {
    const values = emptyAssessment('uvm', ['geriatra']);
    values.answers = { SPMSQ: { DATE: 1 }, BARTHEL: { FEEDING: 10 } };
    const sent = toAssessmentContent(values, instrumentDefinitions);
    expect(sent.instruments.map((i) => i.instrument)).toEqual(['BARTHEL', 'SPMSQ']);
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Manca la risposta alla voce «Che giorno della settimana è?».',
          extensions: { code: 'VALIDATION', field: 'instruments[1].answers' },
        },
        { message: 'La data della valutazione è nel futuro', extensions: { code: 'VALIDATION', field: 'date' } },
      ],
    });
    expect(assessmentErrors(error, sent)).toEqual({
      fields: { date: 'La data della valutazione è nel futuro' },
      instruments: { SPMSQ: 'Manca la risposta alla voce «Che giorno della settimana è?».' },
      general: undefined,
    });
  });
});
