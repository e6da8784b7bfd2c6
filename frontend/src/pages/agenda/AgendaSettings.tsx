import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { formatDateTime } from '../../i18n/format';
import { agendaSettingsCopy as copy } from './copy';

export const agendaSettingsQuery = graphql(`
  query AgendaSettings {
    agendaSettings {
      emailReminders
      calendarFeedCreatedAt
    }
  }
`);

export const setAgendaEmailRemindersMutation = graphql(`
  mutation SetAgendaEmailReminders($enabled: Boolean!) {
    setAgendaEmailReminders(enabled: $enabled) {
      emailReminders
      calendarFeedCreatedAt
    }
  }
`);

export const createCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
      settings {
        emailReminders
        calendarFeedCreatedAt
      }
    }
  }
`);

export const revokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['AgendaSettings'] };

/**
 * In the account page, for a case worker: whether the day-before reminders
 * also come by email, and the calendar feed, whose secret address is shown
 * once, when it is created, with a button that copies it.
 */
export function AgendaSettings() {
  const [{ data, error }, refetch] = useQuery({ query: agendaSettingsQuery, context });
  const [setEmail, setEmailReminders] = useMutation(setAgendaEmailRemindersMutation);
  const [create, createFeed] = useMutation(createCalendarFeedMutation);
  const [revoke, revokeFeed] = useMutation(revokeCalendarFeedMutation);
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const settings = data?.agendaSettings;
  const working = setEmail.fetching || create.fetching || revoke.fetching;

  async function toggleEmail(enabled: boolean) {
    const result = await setEmailReminders({ enabled });
    setMessage(result.error ? { kind: 'error', text: errorMessage(result.error) } : { kind: 'success', text: copy.saved });
    refetch({ requestPolicy: 'network-only' });
  }

  async function newFeed() {
    const result = await createFeed({});
    setCopied(false);
    if (result.error) setMessage({ kind: 'error', text: errorMessage(result.error) });
    else if (result.data) {
      setUrl(result.data.createCalendarFeed.url);
      setMessage(undefined);
    }
    refetch({ requestPolicy: 'network-only' });
  }

  async function revokeIt() {
    const result = await revokeFeed({});
    setUrl(undefined);
    setMessage(result.error ? { kind: 'error', text: errorMessage(result.error) } : { kind: 'success', text: copy.revoked });
    refetch({ requestPolicy: 'network-only' });
  }

  async function copyUrl() {
    if (!url) return;
    await navigator.clipboard.writeText(url);
    setCopied(true);
  }

  return (
    <section aria-labelledby="agenda-impostazioni" className="ponte-section mt-5">
      <h2 id="agenda-impostazioni" className="h4">
        {copy.heading}
      </h2>
      <p>{copy.intro}</p>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      {settings && (
        <>
          <CheckboxField
            id="agenda-email"
            label={copy.email}
            checked={settings.emailReminders}
            disabled={working}
            onChange={(enabled) => void toggleEmail(enabled)}
          />
          <h3 className="h5 mt-4">{copy.feedHeading}</h3>
          <p>{copy.feedIntro}</p>
          <p data-testid="calendario-stato">
            {settings.calendarFeedCreatedAt ? copy.feedActive(formatDateTime(settings.calendarFeedCreatedAt)) : copy.feedNone}
          </p>
          {url && (
            <div className="mb-3">
              <label htmlFor="agenda-calendario-url">{copy.urlLabel}</label>
              <div className="d-flex flex-wrap gap-2">
                <input id="agenda-calendario-url" className="form-control" readOnly value={url} onFocus={(e) => e.target.select()} />
                <Button color="primary" size="sm" type="button" onClick={() => void copyUrl()}>
                  {copied ? copy.copied : copy.copy}
                </Button>
              </div>
              <small className="form-text">{copy.urlOnce}</small>
            </div>
          )}
          <div className="d-flex flex-wrap gap-2">
            <Button color="primary" outline type="button" disabled={working} onClick={() => void newFeed()}>
              {settings.calendarFeedCreatedAt ? copy.replace : copy.create}
            </Button>
            {settings.calendarFeedCreatedAt && (
              <Button color="danger" outline type="button" disabled={working} onClick={() => void revokeIt()}>
                {copy.revoke}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
