/**
 * How a person's name is written, by context, in one place: "Cognome Nome"
 * where persons are entries of a list or a table (and sorted by surname),
 * "Nome Cognome" in running text, headings and links inside a sentence.
 */
export type NameContext = 'list' | 'text';

export function personName(person: { givenName: string; familyName: string }, context: NameContext): string {
  return context === 'list' ? `${person.familyName} ${person.givenName}` : `${person.givenName} ${person.familyName}`;
}
