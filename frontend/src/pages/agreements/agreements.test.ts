import { filtersFromSearch, partiesProblem, searchFromFilters, validityText } from './agreements';

describe('an agreement’s validity, in words', () => {
  it('reads a period, an open end and nothing at all', () => {
    expect(validityText('2026-01-01', '2026-12-31')).toBe('dal 01/01/2026 al 31/12/2026');
    expect(validityText('2026-01-01', null)).toBe('dal 01/01/2026, a tempo indeterminato');
    expect(validityText(null, null)).toBe('a tempo indeterminato');
    expect(validityText(null, '2027-06-30')).toBe('fino al 30/06/2027');
  });
});

describe('the list’s filters in the address', () => {
  it('go there and back', () => {
    const filters = { kind: 'CONVENZIONE', partyId: 'o1', status: 'IN_FORCE', expiring: true, search: 'SAD' } as const;
    const search = searchFromFilters(filters);
    expect(search).toBe('tipo=CONVENZIONE&ente=o1&stato=IN_FORCE&scadenza=1&cerca=SAD');
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('ignore a kind or status the schema does not know', () => {
    expect(filtersFromSearch(new URLSearchParams('tipo=ALTRO&stato=X'))).toEqual({
      kind: '',
      partyId: '',
      status: '',
      expiring: false,
      search: '',
    });
  });
});

describe('the parties, checked in the form', () => {
  const party = (organizationId: string, role: 'PROMOTER' | 'SIGNATORY' | '' = 'SIGNATORY') => ({
    organizationId,
    role,
    contactUserId: '',
  });

  it('want at least two, each with its role', () => {
    expect(partiesProblem([party('a')])).toBe('Indica almeno due enti, ciascuno con il suo ruolo');
    expect(partiesProblem([party('a'), party('b', '')])).toBe('Indica almeno due enti, ciascuno con il suo ruolo');
    expect(partiesProblem([party('a', 'PROMOTER'), party('b')])).toBeUndefined();
  });

  it('refuse the same organization twice', () => {
    expect(partiesProblem([party('a'), party('a', 'PROMOTER')])).toBe('Lo stesso ente compare due volte');
  });

  it('leave out an empty row', () => {
    expect(partiesProblem([party('a'), party('b'), party('', '')])).toBeUndefined();
  });
});
