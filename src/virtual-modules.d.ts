// Modules made by this project's integrations (src/build/integrations/).

declare module 'virtual:campaign/print-manifest' {
  /** `tai-lieu/manifest.json`, generated before pages render (src/build/integrations/print-files.ts). */
  const manifest: import('./shared/print-files/manifest').PrintManifest;
  export default manifest;
}

/** The brand font's faces and fallback faces from Astro's fonts API (src/build/integrations/brand-font.ts). */
declare module 'virtual:campaign/brand-font.css';
