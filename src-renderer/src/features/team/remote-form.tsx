// Add or edit a remote: styled as the registries' form (the same credential fields, the same
// promise about the secret).
import type { RemoteConfig } from '../../../../src-shared/sync';
import { CredentialFields } from '../../components/credential-fields';
import { ErrorBanner } from '../../components/error-banner';
import { useSettingsForm } from '../../lib/use-settings-form';
import { useRemotesStore, type RemoteDraft } from '../../stores/remotes-store';

const EMPTY_DRAFT: RemoteDraft = { name: '', url: '', username: '', secret: '' };

export function RemoteForm({ existing, onDone }: { existing: RemoteConfig | null; onDone: (saved: string | null) => void }) {
  const { draft, error, busy, set, dismissError, submit } = useSettingsForm<RemoteDraft>(
    existing ? { ...existing, secret: '' } : EMPTY_DRAFT,
    (d) => useRemotesStore.getState().save({ ...d, name: d.name.trim(), url: d.url.trim(), username: d.username.trim() }),
    (d) => onDone(d.name.trim()),
  );

  return (
    <form
      className="registry-form panel"
      data-testid="remote-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null);
      }}
    >
      <h2 className="section-title">{existing ? `Edit ${existing.name}` : 'Add a remote'}</h2>
      {error && <ErrorBanner message={error} onDismiss={dismissError} />}
      <div className="registry-form__grid">
        <label className="promote-field">
          <span>Name</span>
          <input type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} disabled={!!existing} placeholder="team" required autoFocus={!existing} data-testid="remote-name" />
        </label>
        <label className="promote-field">
          <span>Tracking URL</span>
          <input type="text" value={draft.url} onChange={(e) => set('url', e.target.value)} placeholder="https://mlflow.example.com" required autoFocus={!!existing} data-testid="remote-url" />
          <span className="muted promote-field__hint">What MLFLOW_TRACKING_URI holds for the team’s server.</span>
        </label>
        <CredentialFields
          username={draft.username}
          secret={draft.secret}
          onUsername={(v) => set('username', v)}
          onSecret={(v) => set('secret', v)}
          hasStoredSecret={!!existing?.hasSecret}
          userPlaceholder="empty for a token or no auth"
          secretHint="With a user: basic auth. Alone: sent as a bearer token."
          testIdPrefix="remote"
        />
      </div>
      <p className="muted registry-form__note">The password or token is stored by Runlens and never shown again, logged or exported.</p>
      <div className="promote-dialog__buttons">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !draft.name.trim() || !draft.url.trim()} data-testid="remote-save">
          {existing ? 'Save' : 'Add remote'}
        </button>
      </div>
    </form>
  );
}
