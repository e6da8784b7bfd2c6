import { completionNeeds, orderedNeeds } from './protocol';

describe('what a protected discharge still needs', () => {
  it('lets a patient go home without services with only the dischargeable day', () => {
    expect(completionNeeds('HOME', { hasPlan: false, dischargeableOn: null })).toEqual(['dischargeable']);
    expect(completionNeeds('HOME', { hasPlan: false, dischargeableOn: '2026-11-20' })).toEqual([]);
  });

  it('asks a plan on a signed assessment for any other destination', () => {
    expect(completionNeeds('RSA', { hasPlan: false, dischargeableOn: '2026-11-20' })).toEqual(['plan', 'signedAssessment']);
    expect(completionNeeds('HOSPICE', { hasPlan: true, dischargeableOn: '2026-11-20' })).toEqual(['signedAssessment']);
  });

  it('says that home with services continues or opens the PAI, the former value included', () => {
    expect(completionNeeds('HOME_WITH_SAD_AND_ADI', { hasPlan: true, dischargeableOn: '2026-11-20' })).toEqual([
      'signedAssessment',
      'project',
    ]);
    expect(completionNeeds('HOME_WITH_SERVICES', { hasPlan: true, dischargeableOn: null })).toEqual([
      'signedAssessment',
      'dischargeable',
      'project',
    ]);
  });

  it('asks nothing of a destination not chosen yet but the dischargeable day', () => {
    expect(completionNeeds(null, { hasPlan: false, dischargeableOn: null })).toEqual(['dischargeable']);
  });
});

describe('the needs of a plan', () => {
  it('are sent in the list order, each once', () => {
    expect(orderedNeeds(['OTHER', 'ADI', 'SAD', 'ADI'])).toEqual(['SAD', 'ADI', 'OTHER']);
  });
});
