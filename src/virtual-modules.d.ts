// Modules made by this project's integrations (src/integrations/).

declare module 'virtual:campaign/print-manifest' {
  /** `tai-lieu/manifest.json`, generated before pages render (src/integrations/print-files.ts). */
  const manifest: import('./lib/print-files/manifest').PrintManifest;
  export default manifest;
}
