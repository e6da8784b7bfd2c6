import { Button } from 'design-react-kit';
import { Dialog } from '../components/Dialog';
import { SignInForm } from '../pages/login/SignInForm';
import { sessionCopy as copy } from './copy';
import { useSession } from './session';

/**
 * Over the signed-in page: the warning before an idle session ends, and the
 * sign-in once it has ended. The page underneath stays mounted, so what was
 * typed is still there after either.
 */
export function SessionDialogs() {
  const { lapsed, expiring, stay, signOut, signedInAgain } = useSession();
  const exit = (
    <Button color="secondary" outline type="button" onClick={() => void signOut()}>
      {copy.signOut}
    </Button>
  );
  if (lapsed) {
    return (
      <Dialog role="alertdialog" title={copy.lapsedTitle} description={copy.lapsedText}>
        <SignInForm idPrefix="riaccesso" onSignedIn={signedInAgain} actions={exit} />
      </Dialog>
    );
  }
  if (expiring) {
    return (
      <Dialog role="alertdialog" title={copy.expiringTitle} description={copy.expiringText}>
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="button" onClick={() => void stay()}>
            {copy.stay}
          </Button>
          {exit}
        </div>
      </Dialog>
    );
  }
  return null;
}
