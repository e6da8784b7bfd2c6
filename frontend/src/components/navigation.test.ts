import { navigationFor } from './navigation';

const labels = (viewer: Parameters<typeof navigationFor>[0]) => navigationFor(viewer).map((e) => e.label);

describe('the main navigation, by what each user can use', () => {
  it('gives an operator of the services the whole case work', () => {
    expect(labels({ role: 'OPERATOR', organization: { kind: 'COMUNE' } })).toEqual([
      'Il mio lavoro',
      'Persone',
      'Progetti',
      'Agenda',
      'Valutazioni',
      'Dimissioni protette',
      'Indicatori',
      'Accordi',
      'Incontri',
      'Notifiche',
    ]);
    expect(labels({ role: 'OPERATOR', organization: null })).toContain('Persone');
  });

  it('gives a hospital ward its discharges, not persons, projects or assessments', () => {
    expect(labels({ role: 'OPERATOR', organization: { kind: 'OSPEDALE' } })).toEqual([
      'Il mio lavoro',
      'Dimissioni protette',
      'Accordi',
      'Incontri',
      'Notifiche',
    ]);
  });

  it('gives an administrator the administration, never a case', () => {
    expect(labels({ role: 'ADMIN', organization: null })).toEqual([
      'Il mio lavoro',
      'Indicatori',
      'Accordi',
      'Incontri',
      'Nomenclatore',
      'Notifiche',
      'Amministrazione',
    ]);
  });

  it('gives a planning office the indicators of its territories, never a case', () => {
    expect(labels({ role: 'REPORTER', organization: { kind: 'UFFICIO_DI_PIANO' } })).toEqual([
      'Il mio lavoro',
      'Indicatori',
      'Accordi',
      'Incontri',
      'Nomenclatore',
      'Notifiche',
    ]);
  });

  it('gives an auditor no case screen, only the registers to read', () => {
    expect(labels({ role: 'AUDITOR', organization: null })).toEqual(['Il mio lavoro', 'Accordi', 'Incontri', 'Notifiche']);
  });
});
