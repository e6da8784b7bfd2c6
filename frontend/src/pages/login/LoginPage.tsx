import { Card, CardBody } from 'design-react-kit';
import { PageHeading } from '../../components/PageHeading';
import type { Viewer } from '../../session/session';
import { loginCopy as copy } from './copy';
import { SignInForm } from './SignInForm';

export interface LoginPageProps {
  onSignedIn: (viewer: Viewer) => void;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeading title={copy.title} />
        <p className="lead">{copy.intro}</p>
        <Card tag="div" className="ponte-card shadow-sm rounded">
          <CardBody>
            <SignInForm idPrefix="accesso" onSignedIn={onSignedIn} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
