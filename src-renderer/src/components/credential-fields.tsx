// The user + password/token pair of a server's settings form (registries, team remotes). The
// secret is write-only: the core answers whether one is stored, never what it is, so editing
// shows it empty and an empty field keeps the stored one.
interface CredentialFieldsProps {
  username: string;
  secret: string;
  onUsername: (value: string) => void;
  onSecret: (value: string) => void;
  /** A secret is stored already (the field's placeholder says an empty field keeps it). */
  hasStoredSecret: boolean;
  userPlaceholder: string;
  secretHint?: string;
  /** `<prefix>-username` and `<prefix>-secret` name the inputs for tests. */
  testIdPrefix: string;
}

export function CredentialFields(props: CredentialFieldsProps) {
  return (
    <>
      <label className="promote-field">
        <span>User</span>
        <input
          type="text"
          value={props.username}
          onChange={(e) => props.onUsername(e.target.value)}
          placeholder={props.userPlaceholder}
          autoComplete="off"
          data-testid={`${props.testIdPrefix}-username`}
        />
      </label>
      <label className="promote-field">
        <span>Password or token</span>
        <input
          type="password"
          value={props.secret}
          onChange={(e) => props.onSecret(e.target.value)}
          placeholder={props.hasStoredSecret ? 'stored — leave empty to keep' : 'none'}
          autoComplete="new-password"
          data-testid={`${props.testIdPrefix}-secret`}
        />
        {props.secretHint && <span className="muted promote-field__hint">{props.secretHint}</span>}
      </label>
    </>
  );
}
