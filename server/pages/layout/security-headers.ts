import helmet from 'helmet';

/**
 * helmet's headers with a Content-Security-Policy the pages satisfy without 'unsafe-inline': styles and
 * scripts come only from our own `/static/`, images from ourselves (badges, inline SVG needs nothing).
 * upgrade-insecure-requests is left to the TLS proxy in front: on plain http it would break a local portal.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Evidence links go to GitHub: send our origin, never full URLs with query strings.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}
