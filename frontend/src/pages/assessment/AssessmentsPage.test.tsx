import { screen, within } from '@testing-library/react';
import type { DraftsToSignQuery, ScheduledAssessmentsQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

const geriatra = viewer({ role: 'OPERATOR', displayName: 'Paolo Rizzi', profession: 'GERIATRA' });

const draft: Served<DraftsToSignQuery['assessments']['nodes'][number]> = {
  __typename: 'Assessment',
  id: 'a1',
  date: '2026-11-20',
  person: { __typename: 'Person', id: 'p1', givenName: 'Bruna', familyName: 'Morandini' },
  team: { __typename: 'Team', id: 't1', name: 'UVM Valle Camonica' },
  loggedBy: { __typename: 'User', id: 'u2', displayName: 'Chiara Bonetti' },
};

const scheduled: Served<ScheduledAssessmentsQuery['discharges']['nodes'][number]> = {
  __typename: 'Discharge',
  id: 'd1',
  ward: 'Medicina',
  assessmentScheduledOn: '2026-11-30',
  expectedDischargeOn: '2026-12-02',
  patient: { __typename: 'ReportedPatient', givenName: 'Aldo', familyName: 'Neri' },
  hospital: { __typename: 'Organization', id: 'h1', name: 'Ospedale di Esine' },
  receivingTeam: { __typename: 'Team', id: 't1', name: 'UVM Valle Camonica' },
};

function server(drafts: (typeof draft)[], discharges: (typeof scheduled)[]) {
  return fakeServer({
    Me: () => ({ data: { me: geriatra } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    DraftsToSign: () => ({
      data: {
        assessments: {
          __typename: 'AssessmentConnection',
          totalCount: drafts.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: drafts,
        },
      },
    }),
    ScheduledAssessments: () => ({
      data: { discharges: { __typename: 'DischargeConnection', totalCount: discharges.length, nodes: discharges } },
    }),
  });
}

describe('Valutazioni', () => {
  it('shows the drafts waiting for the viewer’s signature and the scheduled assessments, not the instruments', async () => {
    renderAt('/valutazioni', server([draft], [scheduled]));
    const toSign = await screen.findByRole('table', { name: 'Valutazioni in bozza che aspettano la tua firma' });
    const link = within(toSign).getByRole('link', { name: 'Morandini Bruna' });
    expect(link).toHaveAttribute('href', '/valutazioni/a1');
    expect(within(toSign).getByText('20/11/2026')).toBeInTheDocument();
    expect(within(toSign).getByText('Chiara Bonetti')).toBeInTheDocument();

    const planned = await screen.findByRole('table', { name: 'Valutazioni programmate per le dimissioni protette' });
    expect(within(planned).getByRole('link', { name: 'Neri Aldo' })).toHaveAttribute('href', '/dimissioni/d1');
    expect(within(planned).getByText('30/11/2026')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Strumenti di valutazione' })).toHaveAttribute('href', '/valutazioni/strumenti');
    expect(screen.queryByRole('heading', { name: 'Indice di Barthel (ADL)' })).not.toBeInTheDocument();
  });

  it('says when nothing waits and nothing is scheduled', async () => {
    renderAt('/valutazioni', server([], []));
    expect(await screen.findByText('Nessuna valutazione aspetta la tua firma.')).toBeInTheDocument();
    expect(await screen.findByText('Nessuna valutazione programmata.')).toBeInTheDocument();
  });
});
