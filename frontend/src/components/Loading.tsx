import { Spinner } from 'design-react-kit';
import { shellCopy } from '../i18n/it';

/** "Caricamento in corso…" with a spinner, announced politely. */
export function Loading({ label = shellCopy.loading }: { label?: string }) {
  return (
    <div className="d-flex align-items-center gap-3 my-3" role="status">
      <Spinner active small />
      <span>{label}</span>
    </div>
  );
}
