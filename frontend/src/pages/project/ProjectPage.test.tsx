import { fireEvent, screen, within } from '@testing-library/react';
import { interceptLinks } from '../../router/router';
import { project, renderProjectPage } from '../../test/project';
import { projectSections } from './ProjectPage';

describe('projectSections', () => {
  it('opens the section named in ?sezione=, the goals otherwise, and the signatures only for a PAI', () => {
    expect(projectSections('PAI', 'budget').open).toBe('budget');
    expect(projectSections('PAI', null).open).toBe('obiettivi');
    expect(projectSections('PAI', 'nessuna').open).toBe('obiettivi');
    expect(projectSections('PAI', 'integrato').offered).toContain('integrato');
    expect(projectSections('PTRI', 'integrato')).toEqual({
      offered: ['obiettivi', 'consenso', 'verifiche', 'budget', 'punteggi', 'diario', 'documenti', 'storia'],
      open: 'obiettivi',
    });
  });
});

describe('ProjectPage sections', () => {
  let stopLinks: () => void;
  beforeEach(() => {
    stopLinks = interceptLinks();
  });
  afterEach(() => stopLinks());
  const sections = () => screen.getByRole('navigation', { name: 'Sezioni del progetto' });

  it('shows one section at a time, the open one in the URL and marked in the list', async () => {
    renderProjectPage({ ProjectDetail: () => ({ data: { project: project() } }) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Obiettivi e interventi' })).toBeInTheDocument();
    // The status and its steps stay above every section.
    expect(screen.getByRole('heading', { level: 2, name: 'Stato' })).toBeInTheDocument();
    expect(within(sections()).getByRole('link', { name: 'Obiettivi e interventi' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('heading', { level: 2, name: 'Storia' })).not.toBeInTheDocument();

    const history = within(sections()).getByRole('link', { name: 'Storia' });
    expect(history).toHaveAttribute('href', '/progetti/prj1?sezione=storia');
    fireEvent.click(history);
    expect(await screen.findByRole('heading', { level: 2, name: 'Storia' })).toBeInTheDocument();
    expect(window.location.search).toBe('?sezione=storia');
    expect(history).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('heading', { level: 2, name: 'Obiettivi e interventi' })).not.toBeInTheDocument();
  });

  it('a reload or a shared link opens the section of its URL', async () => {
    renderProjectPage({ ProjectDetail: () => ({ data: { project: project() } }) }, 'storia');
    expect(await screen.findByRole('heading', { level: 2, name: 'Storia' })).toBeInTheDocument();
    expect(within(sections()).getByRole('link', { name: 'Storia' })).toHaveAttribute('aria-current', 'page');
  });
});
