import { interceptLinks, isSafeReturnPath, matchPath } from './router';
import { loginPath } from '../routes';

describe('router', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/persone/:id', '/persone/42')).toEqual({ id: '42' });
    expect(matchPath('/persone/:id', '/persone')).toBeNull();
    expect(matchPath('/amministrazione', '/amministrazione/')).toEqual({});
  });

  it('keeps the fragment of an in-app link to a section of another page', () => {
    window.history.replaceState(null, '', '/agenda');
    const stop = interceptLinks();
    const link = document.createElement('a');
    link.href = '/persone/42#scheda-diario';
    document.body.append(link);
    link.click();
    expect(window.location.pathname + window.location.hash).toBe('/persone/42#scheda-diario');
    stop();
    link.remove();
  });

  it('returns after sign-in only to in-app paths', () => {
    expect(isSafeReturnPath('/amministrazione/enti')).toBe(true);
    expect(isSafeReturnPath('//evil.example')).toBe(false);
    expect(isSafeReturnPath('https://evil.example')).toBe(false);
    expect(isSafeReturnPath(null)).toBe(false);
    expect(loginPath('/persone?q=rossi')).toBe('/accesso?ritorno=%2Fpersone%3Fq%3Drossi');
    expect(loginPath('/')).toBe('/accesso');
  });
});
