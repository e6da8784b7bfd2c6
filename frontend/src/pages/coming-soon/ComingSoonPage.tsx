import { PageHeading } from '../../components/PageHeading';
import { FormMessage } from '../../components/FormMessage';
import { paths } from '../../routes';
import { comingSoonCopy as copy, type SectionKey } from './copy';

/** A section whose server API has not landed yet: says so, honestly. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const { title, text } = copy.sections[section];
  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{text}</p>
      <FormMessage kind="info">{copy.notice}</FormMessage>
      <a href={paths.home}>{copy.backHome}</a>
    </>
  );
}
