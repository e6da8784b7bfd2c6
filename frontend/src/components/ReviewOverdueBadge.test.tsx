import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../i18n/format';
import { overdueSince, ReviewOverdueBadge } from './ReviewOverdueBadge';

describe('overdueSince', () => {
  it('says how late a review is in the unit a person would use', () => {
    expect(overdueSince('2026-11-26', '2026-11-27')).toBe('da 1 giorno');
    expect(overdueSince('2026-11-22', '2026-11-27')).toBe('da 5 giorni');
    expect(overdueSince('2026-11-20', '2026-11-27')).toBe('da 1 settimana');
    expect(overdueSince('2026-11-01', '2026-11-27')).toBe('da 3 settimane');
    expect(overdueSince('2026-10-27', '2026-11-27')).toBe('da 1 mese');
    expect(overdueSince('2026-08-15', '2026-11-27')).toBe('da 3 mesi');
    expect(overdueSince('2025-11-27', '2026-11-27')).toBe('da 1 anno');
    expect(overdueSince('2023-06-01', '2026-11-27')).toBe('da 3 anni');
  });

  it('counts whole calendar months', () => {
    // From 31 January, 28 February is four weeks, not yet a month.
    expect(overdueSince('2026-01-31', '2026-02-28')).toBe('da 4 settimane');
    expect(overdueSince('2026-01-31', '2026-03-31')).toBe('da 2 mesi');
  });

  it('says nothing for the review day itself, a later day or a date it cannot read', () => {
    expect(overdueSince('2026-11-27', '2026-11-27')).toBeUndefined();
    expect(overdueSince('2026-12-01', '2026-11-27')).toBeUndefined();
    expect(overdueSince('prossimamente', '2026-11-27')).toBeUndefined();
  });
});

describe('ReviewOverdueBadge', () => {
  it("shows the server's flag with how late the review is", () => {
    const today = new Date();
    const due = todayIso(new Date(today.getFullYear(), today.getMonth() - 3, 1));
    render(<ReviewOverdueBadge overdue nextReviewOn={due} />);
    expect(screen.getByTestId('verifica-scaduta')).toHaveTextContent('Verifica scaduta da 3 mesi');
  });

  it('trusts the flag, not the date: a past date without the flag shows nothing', () => {
    const { container } = render(<ReviewOverdueBadge overdue={false} nextReviewOn="2020-01-01" />);
    expect(container).toBeEmptyDOMElement();
  });
});
