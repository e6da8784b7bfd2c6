import { PageHeading } from '../../components/PageHeading';
import { paths } from '../../routes';

const copy = {
  title: 'Pagina non trovata',
  text: "L'indirizzo che hai aperto non corrisponde a nessuna pagina di Ponte.",
  backHome: 'Torna a Il mio lavoro',
} as const;

export function NotFoundPage() {
  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.text}</p>
      <a href={paths.home}>{copy.backHome}</a>
    </>
  );
}
