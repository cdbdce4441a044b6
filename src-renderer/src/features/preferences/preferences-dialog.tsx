// Preferences (the desktop app's menu item): the theme, including "follow the system" which the
// top bar's toggle cannot go back to, the built-in alerts, and the way to the other settings.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ModalDialog } from '../../components/modal-dialog';
import { routeHref } from '../../lib/hash-router';
import { isBuiltin, useAlertRulesStore } from '../../stores/alert-rules-store';
import { useUiRequestsStore } from '../../stores/ui-requests-store';
import { useUiStore, type Theme } from '../../stores/ui-store';
import { BuiltinRules } from '../alerts/builtin-rules';
import '../alerts/alerts.css';
import './preferences.css';

const THEMES: { value: Theme | null; label: string }[] = [
  { value: null, label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const { themeChoice, setTheme } = useUiStore(useShallow((s) => ({ themeChoice: s.themeChoice, setTheme: s.setTheme })));
  const { status, rules } = useAlertRulesStore(useShallow((s) => ({ status: s.status, rules: s.rules })));
  // The built-in rules come with any list; one already loaded (the Alerts page's) will do.
  useEffect(() => {
    if (useAlertRulesStore.getState().status === 'idle') void useAlertRulesStore.getState().load(null);
  }, []);
  const builtins = rules.filter(isBuiltin);

  return (
    <ModalDialog name="preferences" title="Preferences" subtitle="Kept on this computer." step="edit" width={560} onDismiss={onClose} onClose={onClose}>
      <div className="preferences">
        <fieldset className="preferences__group">
          <legend className="section-title">Theme</legend>
          <div className="preferences__themes" role="radiogroup">
            {THEMES.map(({ value, label }) => (
              <label key={label} className={`preferences__theme${themeChoice === value ? ' is-on' : ''}`}>
                <input type="radio" name="theme" checked={themeChoice === value} onChange={() => setTheme(value)} data-testid={`preferences-theme-${label.toLowerCase()}`} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="preferences__group">
          <legend className="section-title">Alerts</legend>
          {status === 'error' ? <p className="muted">The rules could not be read.</p> : <BuiltinRules rules={builtins} />}
          <a href={routeHref({ page: 'alerts', experiment: null })} onClick={onClose}>
            Rules per experiment →
          </a>
        </fieldset>
        <nav className="preferences__links" aria-label="Other settings">
          <a href={routeHref({ page: 'registries' })} onClick={onClose}>
            Model registries →
          </a>
          <a href={routeHref({ page: 'team', remote: null, experiment: null })} onClick={onClose}>
            Team remotes →
          </a>
        </nav>
      </div>
    </ModalDialog>
  );
}

/** Shows the dialog while the preferences are asked for (the shell's menu item). */
export function PreferencesHost() {
  const { open, setOpen } = useUiRequestsStore(useShallow((s) => ({ open: s.preferencesOpen, setOpen: s.setPreferencesOpen })));
  return open ? <PreferencesDialog onClose={() => setOpen(false)} /> : null;
}
