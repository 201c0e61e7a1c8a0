// The print step's thread (`print-step.ts`, started by `print-files.ts`). Node's compile
// cache is per thread: turned on here, as Astro's CLI does for the main thread (not in CI,
// where it would never be read again), so that the engine's modules and their TypeScript
// are not compiled again at every build.
import module from 'node:module';

if (!process.env.CI) module.enableCompileCache?.();
await import('./print-step.ts');
