import { Button } from 'design-react-kit';
import { commonCopy } from '../i18n/it';

/** The "Carica altri" button under a paginated list, and how many are shown of how many. */
export function LoadMore({
  shown,
  total,
  summary,
  hasNextPage,
  fetching,
  onLoadMore,
}: {
  shown: number;
  total: number;
  summary: (shown: number, total: number) => string;
  hasNextPage: boolean;
  fetching: boolean;
  onLoadMore: () => void;
}) {
  return (
    <div className="d-flex flex-wrap align-items-center gap-3 mt-3">
      <p className="mb-0" aria-live="polite">
        {summary(shown, total)}
      </p>
      {hasNextPage && (
        <Button color="primary" outline size="sm" onClick={onLoadMore} disabled={fetching}>
          {fetching ? commonCopy.loadingMore : commonCopy.loadMore}
        </Button>
      )}
    </div>
  );
}
