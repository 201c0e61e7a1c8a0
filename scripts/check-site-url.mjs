// Run by `npm run build` before Astro: a build without a valid SITE_URL stops here with
// one line that names the variable (README: "Deploy").
import { parseSiteUrl } from '../site.config.mjs';

try {
  parseSiteUrl(process.env.SITE_URL);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
