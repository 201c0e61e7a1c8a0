/**
 * The site's security headers (deploy/security-headers.json: the local server, nginx and
 * _headers send them) as far as a page can carry them itself, for hosts that cannot set
 * headers (GitHub Pages, a USB stick).
 */
import headers from '../../deploy/security-headers.json' with { type: 'json' };

/**
 * The Content-Security-Policy for a `<meta http-equiv>`: without `frame-ancestors`, which a
 * meta tag cannot carry (browsers ignore it there and warn). The same policy otherwise, so a
 * page served with both enforces exactly the header's policy.
 */
export const metaContentSecurityPolicy = headers['Content-Security-Policy']
  .split(';')
  .map((directive) => directive.trim())
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
