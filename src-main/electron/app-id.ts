/**
 * The app's id: electron-builder.yml's appId (packaging.test.ts holds them equal) and, on
 * Windows, the AppUserModelID — Windows shows a notification only for an app with this id.
 */
export const APP_ID = 'dev.runlens.app';
