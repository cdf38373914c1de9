import { safeStorage } from 'electron';
import type { TokenCipher } from './secure-token-store';

/**
 * On Linux without a keyring (gnome-libsecret or kwallet), Electron falls back to `basic_text`: a key
 * hard-coded in Chromium, which is obfuscation rather than encryption. A graded-protection (等保)
 * system must not store credentials that way, so that backend counts as unavailable.
 */
export const safeStorageCipher: TokenCipher = {
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plainText) => safeStorage.encryptString(plainText),
  decrypt: (cipherText) => safeStorage.decryptString(cipherText),
};
