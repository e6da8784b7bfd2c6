import { navigationFor } from './navigation';

const labels = (viewer: Parameters<typeof navigationFor>[0]) => navigationFor(viewer).map((e) => e.label);

describe('the main navigation, by what each user can use', () => {
  it('gives an operator of the services the whole case work', () => {
    expect(labels({ role: 'OPERATOR', organization: { kind: 'COMUNE' } })).toEqual([
      'Il mio lavoro',
      'Persone',
      'Progetti',
      'Valutazioni',
      'Dimissioni protette',
      'Notifiche',
    ]);
    expect(labels({ role: 'OPERATOR', organization: null })).toContain('Persone');
  });

  it('gives a hospital ward its discharges, not persons, projects or assessments', () => {
    expect(labels({ role: 'OPERATOR', organization: { kind: 'OSPEDALE' } })).toEqual(['Il mio lavoro', 'Dimissioni protette', 'Notifiche']);
  });

  it('gives an administrator the administration, never a case', () => {
    expect(labels({ role: 'ADMIN', organization: null })).toEqual(['Il mio lavoro', 'Notifiche', 'Amministrazione']);
  });

  it('gives an auditor no case screen', () => {
    expect(labels({ role: 'AUDITOR', organization: null })).toEqual(['Il mio lavoro', 'Notifiche']);
  });
});
