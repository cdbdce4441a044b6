// Settings → Registries: where models can be promoted to.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RegistryConfig, RegistryKind } from '../../../../src-shared/promotion';
import { CredentialFields } from '../../components/credential-fields';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { useRegistriesStore, type RegistryDraft } from '../../stores/registries-store';
import { useSettingsForm } from '../../lib/use-settings-form';
import './promotion.css';
import './registries-page.css';

const KIND_LABELS: Record<RegistryKind, string> = { mlflow: 'MLflow Model Registry', oci: 'OCI registry' };
const URL_PLACEHOLDERS: Record<RegistryKind, string> = { mlflow: 'http://127.0.0.1:5000', oci: 'https://ghcr.io/acme/models' };
const EMPTY_DRAFT: RegistryDraft = { name: '', kind: 'mlflow', url: '', username: '', secret: '' };

function RegistryForm({ existing, onDone }: { existing: RegistryConfig | null; onDone: () => void }) {
  const { draft, error, busy, set, dismissError, submit } = useSettingsForm<RegistryDraft>(
    existing ? { ...existing, secret: '' } : EMPTY_DRAFT,
    (d) => useRegistriesStore.getState().save({ ...d, name: d.name.trim(), url: d.url.trim() }),
    onDone,
  );

  return (
    <form
      className="registry-form panel"
      data-testid="registry-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <h2 className="section-title">{existing ? `Edit ${existing.name}` : 'Add a registry'}</h2>
      {error && <ErrorBanner message={error} onDismiss={dismissError} />}
      <div className="registry-form__grid">
        <label className="promote-field">
          <span>Name</span>
          <input type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} disabled={!!existing} placeholder="team-mlflow" required autoFocus data-testid="registry-name" />
        </label>
        <label className="promote-field">
          <span>Kind</span>
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value)} data-testid="registry-kind">
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="promote-field registry-form__wide">
          <span>URL</span>
          <input type="text" value={draft.url} onChange={(e) => set('url', e.target.value)} placeholder={URL_PLACEHOLDERS[draft.kind]} required data-testid="registry-url" />
          <span className="muted promote-field__hint">
            {draft.kind === 'mlflow' ? 'The tracking server’s address.' : 'The registry’s address and a repository prefix models go under.'}
          </span>
        </label>
        <CredentialFields
          username={draft.username}
          secret={draft.secret}
          onUsername={(v) => set('username', v)}
          onSecret={(v) => set('secret', v)}
          hasStoredSecret={!!existing?.hasSecret}
          userPlaceholder="empty for anonymous or token only"
          testIdPrefix="registry"
        />
      </div>
      <p className="muted registry-form__note">The secret is kept by Runlens and never shown again, logged or exported.</p>
      <div className="promote-dialog__buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !draft.name.trim() || !draft.url.trim()} data-testid="registry-save">
          {existing ? 'Save' : 'Add registry'}
        </button>
      </div>
    </form>
  );
}

function RegistryRow({ registry, onEdit }: { registry: RegistryConfig; onEdit: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <tr data-testid="registry-row" data-name={registry.name}>
      <td className="registries-table__name">{registry.name}</td>
      <td>{KIND_LABELS[registry.kind]}</td>
      <td className="mono registries-table__url" title={registry.url}>
        {registry.url}
      </td>
      <td>{registry.username || <span className="muted">—</span>}</td>
      <td data-testid="registry-has-secret">{registry.hasSecret ? 'yes' : <span className="muted">no</span>}</td>
      <td className="registries-table__actions">
        {error && <span className="registries-table__error">{error}</span>}
        <EditDeleteActions
          question={`Delete ${registry.name}?`}
          onEdit={onEdit}
          onDelete={() => useRegistriesStore.getState().remove(registry.name)}
          onError={setError}
          testIdPrefix="registry"
        />
      </td>
    </tr>
  );
}

export function RegistriesPage() {
  const { status, registries, error } = useRegistriesStore(useShallow((s) => ({ status: s.status, registries: s.registries, error: s.error })));
  /** `null`: no form; `''`: adding; a name: editing it. */
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    void useRegistriesStore.getState().load();
  }, []);

  const existing = editing ? (registries.find((r) => r.name === editing) ?? null) : null;

  return (
    <div className="scroll-page registries-page" data-testid="registries-page">
      <header className="scroll-page__head">
        <div>
          <h1>Registries</h1>
          <p className="muted">Where “Promote model…” pushes to: MLflow Model Registry servers and OCI registries.</p>
        </div>
        {editing === null && registries.length > 0 && (
          <button type="button" className="primary" onClick={() => setEditing('')} data-testid="registry-add">
            Add a registry
          </button>
        )}
      </header>
      {error && <ErrorBanner message={error} onRetry={() => void useRegistriesStore.getState().load()} />}
      {editing !== null && <RegistryForm key={editing} existing={existing} onDone={() => setEditing(null)} />}
      {status === 'loading' && registries.length === 0 && <Skeleton rows={3} height={18} />}
      {status === 'ready' && registries.length === 0 && editing === null && (
        <div className="registries-empty panel" data-testid="registries-empty">
          <h2>No registry yet</h2>
          <p className="muted">Add the MLflow server or OCI registry your team deploys from; then “Promote model…” on a run, a lineage model or a comparison pushes to it.</p>
          <button type="button" className="primary" onClick={() => setEditing('')} data-testid="registry-add">
            Add a registry
          </button>
        </div>
      )}
      {registries.length > 0 && (
        <table className="registries-table panel" data-testid="registries-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">URL</th>
              <th scope="col">User</th>
              <th scope="col">Secret stored</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {registries.map((r) => (
              <RegistryRow key={r.name} registry={r} onEdit={() => setEditing(r.name)} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
