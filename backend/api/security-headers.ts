import type { Request, Response, Next } from 'restify';

/**
 * The hosts that may show Ledgerline's pages in a frame: Teams, Outlook, the Microsoft 365 app
 * and SharePoint, as Microsoft lists them for tabs ("Tab requirements", frame-ancestors), and
 * nothing else.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://*.sharepoint.com',
] as const;

/**
 * The content-security policy of every response. The tab's own scripts and styles only; it
 * talks to this server and to the CDN where teams-js reads the list of Microsoft 365 hosts it may
 * talk to; Fluent UI sets inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/**
 * Middleware that sets the security headers on every response: the content-security policy,
 * no MIME sniffing, no referrer beyond the origin, HSTS when served over HTTPS, and no caching
 * of API answers (they hold personal data).
 */
export function securityHeaders() {
  return function securityHeaders(request: Request, response: Response, next: Next): void {
    response.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.header('X-Content-Type-Options', 'nosniff');
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    response.header('Cross-Origin-Opener-Policy', 'same-origin');
    response.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (request.isSecure() || request.header('x-forwarded-proto') === 'https')
      response.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (request.path().startsWith('/api/')) response.header('Cache-Control', 'no-store');
    next();
  };
}
