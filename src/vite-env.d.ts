/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the build the end-to-end tests run against: exposes window.__cascadeLab. */
  readonly VITE_E2E_HOOKS?: string;
}
