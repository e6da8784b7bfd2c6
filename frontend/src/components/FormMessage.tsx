/**
 * A message about a whole form, list or page, in bootstrap-italia's alert
 * style. Errors use role="alert" (read at once), confirmations and notices
 * role="status" (read when the reader is idle). design-react-kit's `Alert`
 * always sets role="alert", hence this small component.
 */
export function FormMessage({ kind, children }: { kind: 'error' | 'success' | 'info'; children: string }) {
  const color = kind === 'error' ? 'danger' : kind === 'success' ? 'success' : 'info';
  return (
    <div className={`alert alert-${color} ponte-form-message`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
