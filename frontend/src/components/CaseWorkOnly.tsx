import type { ReactNode } from 'react';
import { shellCopy } from '../i18n/it';
import { useViewer } from '../session/session';
import { FormMessage } from './FormMessage';
import { isCaseWorker } from './navigation';
import { PageHeading } from './PageHeading';

/**
 * A case-work screen reached by its address by someone whose role cannot use
 * it (an administrator, a ward, an auditor): its title and why, instead of a
 * form that would end in "non hai accesso". The server decides anyway.
 */
export function CaseWorkOnly({ title, children }: { title: string; children: ReactNode }) {
  const viewer = useViewer();
  if (isCaseWorker(viewer)) return <>{children}</>;
  return (
    <>
      <PageHeading title={title} />
      <FormMessage kind="info">{shellCopy.caseWorkOnly}</FormMessage>
    </>
  );
}
