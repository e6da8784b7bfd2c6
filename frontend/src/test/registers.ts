/**
 * The registers of issue 15 in unit tests: an agreement as AgreementDetail
 * answers it (a Convenzione in force, editable), and the whole app opened on
 * it against a fake server, signed in as a planning office (REPORTER).
 */
import type { AgreementDetailQuery } from '../gql/graphql';
import { fakeServer, viewer, type Handlers, type Served } from './fakeServer';
import { renderAt } from './renderApp';

export type ServedAgreement = Served<NonNullable<AgreementDetailQuery['networkAgreement']>>;

/** The planning office's own organization. */
export const AMBITO = { __typename: 'Organization', id: 'o-ambito', name: 'Ambito di Valle Camonica', kind: 'AMBITO' } as const;

export const reporter = viewer({
  id: 'u-up',
  role: 'REPORTER',
  displayName: 'Ufficio di Piano',
  profession: 'AMMINISTRATIVO',
  organization: AMBITO,
});

/** An AgreementDetail answer as the server gives it: a Convenzione in force, with what the test changes. */
export function agreement(overrides: Partial<ServedAgreement> = {}): ServedAgreement {
  return {
    __typename: 'NetworkAgreement',
    id: 'a1',
    version: 4,
    kind: 'CONVENZIONE',
    title: 'Convenzione SAD 2026',
    status: 'IN_FORCE',
    signedOn: '2025-12-15',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    withdrawnOn: null,
    withdrawalReason: null,
    protocolNumber: 'PG 2026/118',
    services: ['SAD'],
    lifeAreas: ['HEALTH_WELLBEING'],
    updatedAt: '2026-11-20T09:30:00Z',
    canEdit: true,
    parties: [
      {
        __typename: 'AgreementParty',
        role: 'PROMOTER',
        organization: { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica' },
        contact: { __typename: 'User', id: 'u-rossi', displayName: 'Paola Rossi', email: 'paola.rossi@asst.example' },
      },
      {
        __typename: 'AgreementParty',
        role: 'ETS_PARTNER',
        organization: { __typename: 'Organization', id: 'o-coop', name: 'Cooperativa sociale Il Sentiero' },
        contact: null,
      },
    ],
    elements: {
      __typename: 'AgreementElements',
      purpose: 'Garantire il SAD nei Comuni dell’Ambito',
      recipients: 'Anziani fragili a domicilio',
      actions: null,
      actors: 'ASST, cooperativa, Comuni',
      timing: 'Anno 2026',
      responsibilities: 'La cooperativa eroga, l’ASST coordina',
      monitoringIndicators: 'Ore erogate / ore previste',
    },
    meetings: [
      {
        __typename: 'Meeting',
        id: 'm1',
        kind: 'COORDINAMENTO',
        title: 'Cabina di regia SAD',
        status: 'HELD',
        plannedOn: '2026-03-10',
        heldOn: '2026-03-12',
      },
    ],
    ...overrides,
  };
}

export function openAgreement(shown: ServedAgreement, extra: Handlers = {}, path = '/accordi/a1') {
  const server = fakeServer({
    Me: () => ({ data: { me: reporter } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    AgreementDetail: () => ({ data: { networkAgreement: shown } }),
    ...extra,
  });
  renderAt(path, server);
  return server;
}
