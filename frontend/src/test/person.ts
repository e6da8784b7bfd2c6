/** A person's record as PersonRecord answers it, for the record's dialogs. */
import type { PersonRecordQuery } from '../gql/graphql';
import type { Served } from './fakeServer';

export const amina: Served<NonNullable<PersonRecordQuery['person']>> = {
  __typename: 'Person',
  id: 'p1',
  version: 3,
  fiscalCode: null,
  fiscalCodeMissingReason: 'STP',
  alternativeCode: 'STP0300001234567',
  givenName: 'Amina',
  familyName: 'Keita',
  birthDate: '1950-04-02',
  birthPlace: 'Bamako',
  sex: 'F',
  residence: 'Via Roma 1, Breno',
  homeless: false,
  residenceComune: null,
  domicile: null,
  phone: null,
  email: null,
  language: 'Francese',
  targetGroups: ['NON_AUTOSUFFICIENTE'],
  age: 76,
  teams: [],
  referencePersons: [],
  privacyConsents: [],
  projects: [],
  discharges: [],
  referrals: [],
};
