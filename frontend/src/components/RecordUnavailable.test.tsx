import { render, screen } from '@testing-library/react';
import { CombinedError } from 'urql';
import { commonCopy } from '../i18n/it';
import { RecordUnavailable, type RecordUnavailableCopy } from './RecordUnavailable';

const copy = {
  forbidden: 'Non hai accesso a questo progetto',
  forbiddenText: 'Un progetto è visibile solo a chi fa parte di un’équipe che segue la persona.',
  notFound: 'Progetto non trovato',
  notFoundText: "L'indirizzo non corrisponde a nessun progetto che puoi vedere.",
  titleFallback: 'Progetto',
} satisfies RecordUnavailableCopy;
const back = { href: '/progetti', label: 'Torna ai progetti' };

function coded(code: string, message = 'Messaggio del server') {
  return new CombinedError({ graphQLErrors: [{ message, extensions: { code } }] });
}

describe('RecordUnavailable', () => {
  it('says the viewer may not see the record on FORBIDDEN, with the way back', () => {
    render(<RecordUnavailable error={coded('FORBIDDEN')} copy={copy} back={back} />);
    expect(screen.getByRole('heading', { level: 1, name: copy.forbidden })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(copy.forbiddenText);
    expect(screen.getByRole('link', { name: back.label })).toHaveAttribute('href', back.href);
  });

  it('says there is no such record on NOT_FOUND, with the way back', () => {
    render(<RecordUnavailable error={coded('NOT_FOUND')} copy={copy} back={back} />);
    expect(screen.getByRole('heading', { level: 1, name: copy.notFound })).toBeInTheDocument();
    expect(screen.getByText(copy.notFoundText)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: back.label })).toHaveAttribute('href', back.href);
  });

  it('says there is no such record when the answer has none and no error', () => {
    render(<RecordUnavailable copy={copy} />);
    expect(screen.getByRole('heading', { level: 1, name: copy.notFound })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it("shows any other error with the server's message under the page's own title", () => {
    render(<RecordUnavailable error={coded('INTERNAL', 'Errore interno: riprova più tardi')} copy={copy} back={back} />);
    expect(screen.getByRole('heading', { level: 1, name: copy.titleFallback })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Errore interno: riprova più tardi');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a network failure in our own words', () => {
    render(<RecordUnavailable error={new CombinedError({ networkError: new TypeError('Failed to fetch') })} copy={copy} />);
    expect(screen.getByRole('alert')).toHaveTextContent(commonCopy.networkError);
  });
});
