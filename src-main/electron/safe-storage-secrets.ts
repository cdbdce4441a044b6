// SECURITY: the desktop app's registry secrets, encrypted with the OS keychain through
// Electron's safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and
// kept in a 0600 file of the data dir, so a copied data dir does not carry usable secrets.
import { safeStorage } from 'electron';
import { FileSecretStore, type SecretStore } from '../core/promotion/secret-store';

export const SAFE_SECRETS_FILE = 'registry-secrets.safe.json';

/**
 * A safeStorage-backed store; must be made after `app.whenReady()`. Where the OS offers no
 * encryption (a Linux session without a keyring, where safeStorage would fall back to a
 * hard-coded key) it keeps secrets as serve mode does: a 0600 file, and says so in the log.
 */
export function createSafeStorageSecrets(dataDir: string, log: (message: string) => void): SecretStore {
  const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || basicText) {
    log('OS encryption (safeStorage) is not available: registry secrets are kept in a 0600 file, as `runlens serve` does');
    return new FileSecretStore(dataDir);
  }
  return new FileSecretStore(dataDir, {
    fileName: SAFE_SECRETS_FILE,
    codec: {
      encode: (secret) => safeStorage.encryptString(secret).toString('base64'),
      decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
    },
  });
}
