// What the desktop shell asks the UI to do: menu items, deep links (runlens://…) and clicks on
// OS notifications arrive in the renderer as these commands (never as script to run).
// Pure TypeScript: shared by the Electron shell, the preload and the renderer.

export type ShellCommand =
  /** Show a view: `route` is the UI's hash route without `#` (`/runs/<id>`, `/compare?runs=a,b`). */
  | { type: 'open-route'; route: string }
  /** Compare the runs ticked in the runs table. */
  | { type: 'compare' }
  /** Open Export… for what the view shows. */
  | { type: 'export' }
  /** Open the preferences. */
  | { type: 'preferences' }
  /** Focus the runs filter. */
  | { type: 'find' };
