import { Card, CardBody, Table } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../graphql/errors';
import { paths } from '../../routes';
import { assessmentCopy } from './copy';
import { instrumentsQuery } from './instruments';

const copy = assessmentCopy.index;

/** Strumenti di valutazione: the instruments Ponte scores, with their bands; a secondary page of Valutazioni. */
export function AssessmentsIndexPage() {
  const [{ data, error, fetching }] = useQuery({ query: instrumentsQuery });
  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <p>
        <a href={paths.assessments}>{copy.back}</a>
      </p>
      {fetching && !data && <Loading />}
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      <div className="row g-4 mt-2">
        {data?.instruments.map((definition) => (
          <div key={definition.code} className="col-12 col-xl-4 d-flex">
            <Card className="ponte-card shadow-sm rounded w-100">
              <CardBody>
                <h2 className="h5">{definition.name}</h2>
                <p>{definition.description}</p>
                <p className="mb-1">{copy.range(definition.minScore, definition.maxScore, definition.higherIsBetter)}</p>
                <p className="ponte-muted">{copy.items(definition.items.length)}</p>
                <Table size="sm" className="mb-0">
                  <caption className="visually-hidden">{copy.bandsCaption(definition.name)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{copy.band}</th>
                      <th scope="col">{copy.from}</th>
                      <th scope="col">{copy.to}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {definition.bands.map((band) => (
                      <tr key={band.code}>
                        <td>{band.label}</td>
                        <td>{band.min}</td>
                        <td>{band.max}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </CardBody>
            </Card>
          </div>
        ))}
      </div>
    </>
  );
}
