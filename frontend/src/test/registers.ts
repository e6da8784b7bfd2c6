/**
 * The registers of issue 15 in unit tests: an agreement as AgreementDetail
 * answers it (a Convenzione in force, editable), and the whole app opened on
 * it against a fake server, signed in as a planning office (REPORTER).
 */
import type { AgreementDetailQuery, MeetingDetailQuery, MeetingTeamsQuery, ViewerFieldsFragment } from '../gql/graphql';
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

/** The whole app on `path`, signed in as `me`, against a fake server answering `handlers`. */
function openAs(me: Served<ViewerFieldsFragment>, handlers: Handlers, path: string) {
  const server = fakeServer({
    Me: () => ({ data: { me } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    ...handlers,
  });
  renderAt(path, server);
  return server;
}

/** The app on `path` as the planning office, the agreement answered. */
export function openAgreement(shown: ServedAgreement, extra: Handlers = {}, path = '/accordi/a1') {
  return openAs(reporter, { AgreementDetail: () => ({ data: { networkAgreement: shown } }), ...extra }, path);
}

export type ServedMeeting = Served<NonNullable<MeetingDetailQuery['meeting']>>;
type ServedTeam = Served<MeetingTeamsQuery['teams']['nodes'][number]>;

/** A team operator of the demo's EEMM. */
export const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

const member = (id: string, displayName: string) => ({
  __typename: 'TeamMember',
  active: true,
  user: { __typename: 'User', id, displayName },
});

/** The operator's team with its members, as MeetingTeams answers. */
export const EEMM: ServedTeam = {
  __typename: 'Team',
  id: 't1',
  name: 'EEMM Breno',
  organization: { __typename: 'Organization', id: 'o-comune', name: 'Comune di Breno' },
  members: [member('u-elena', 'Elena Tognali'), member('u-marco', 'Marco Bianchi'), member('u-anna', 'Anna Rossi')],
};

/** A MeetingDetail answer: a supervision planned by the EEMM, with what the test changes. */
export function meeting(overrides: Partial<ServedMeeting> = {}): ServedMeeting {
  return {
    __typename: 'Meeting',
    id: 'm1',
    version: 2,
    kind: 'SUPERVISIONE',
    title: 'Supervisione di novembre',
    status: 'PLANNED',
    plannedOn: '2026-11-20',
    heldOn: null,
    cancelledReason: null,
    externalParticipants: 0,
    services: ['SAD'],
    note: null,
    createdAt: '2026-11-01T10:00:00Z',
    canEdit: true,
    organizer: { __typename: 'Organization', id: 'o-comune', name: 'Comune di Breno' },
    team: { __typename: 'Team', id: 't1', name: 'EEMM Breno' },
    participants: [{ __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' }],
    agreement: { __typename: 'NetworkAgreement', id: 'a1', title: 'Convenzione SAD 2026' },
    ...overrides,
  };
}

/** The app on `path` as the operator, the meeting and the operator's team answered. */
export function openMeeting(shown: ServedMeeting, extra: Handlers = {}, path = '/incontri/m1') {
  return openAs(
    operator,
    {
      MeetingDetail: () => ({ data: { meeting: shown } }),
      MeetingTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [EEMM] } } }),
      ...extra,
    },
    path,
  );
}
