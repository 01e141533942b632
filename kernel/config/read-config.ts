import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), {
      message: `${name} must be an http(s) URL, for example https://github.example.com`,
    })
    .transform((value) => value.replace(/\/+$/, ''));

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value && value.length > 0 ? value : undefined));

const positiveNumber = (name: string, unit: string) =>
  z.coerce.number({ message: `${name} must be a number of ${unit}` }).positive(`${name} must be more than 0 ${unit}`);
const positiveInteger = (name: string, unit: string) =>
  z.coerce
    .number({ message: `${name} must be a whole number of ${unit}` })
    .int(`${name} must be a whole number of ${unit}`)
    .min(1, `${name} must be at least 1`);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/** True for a host name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

const schema = z.object({
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  MAGNOLIA_DATA_DIR: z.string().trim().min(1, 'MAGNOLIA_DATA_DIR must not be empty').default('./data'),
  MAGNOLIA_BASE_URL: httpUrl('MAGNOLIA_BASE_URL').optional(),
  GITHUB_WEBHOOK_SECRET: optionalSecret,
  GITHUB_WEBHOOK_SECRET_PREVIOUS: optionalSecret,
  GITHUB_TOKEN: optionalSecret,
  GITHUB_API_URL: httpUrl('GITHUB_API_URL').default('https://api.github.com'),
  GITHUB_URL: httpUrl('GITHUB_URL').default('https://github.com'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  MAGNOLIA_RECONCILE_MINUTES: z.coerce
    .number({ message: 'MAGNOLIA_RECONCILE_MINUTES must be a number of minutes' })
    .min(0, 'MAGNOLIA_RECONCILE_MINUTES must be 0 (off) or more')
    .default(60),
  MAGNOLIA_PAYLOAD_RETENTION_DAYS: z.coerce
    .number({ message: 'MAGNOLIA_PAYLOAD_RETENTION_DAYS must be a number of days' })
    .int('MAGNOLIA_PAYLOAD_RETENTION_DAYS must be a whole number of days')
    .min(1, 'MAGNOLIA_PAYLOAD_RETENTION_DAYS must be at least 1')
    .default(30),
  MAGNOLIA_WEBHOOK_BODY_BUDGET_MB: z.coerce
    .number({ message: 'MAGNOLIA_WEBHOOK_BODY_BUDGET_MB must be a number of megabytes' })
    .int('MAGNOLIA_WEBHOOK_BODY_BUDGET_MB must be a whole number of megabytes')
    .min(25, 'MAGNOLIA_WEBHOOK_BODY_BUDGET_MB must be at least 25: GitHub sends bodies of up to 25 MB')
    .default(100),
  MAGNOLIA_DEMO: z.enum(['auto', 'on', 'off'], { message: 'MAGNOLIA_DEMO must be auto, on or off' }).default('auto'),
  MAGNOLIA_DEMO_PROPOSALS: z
    .enum(['on', 'off'], { message: 'MAGNOLIA_DEMO_PROPOSALS must be on or off' })
    .default('on'),
  MAGNOLIA_REVISION_FILES: z
    .enum(['on', 'off'], { message: 'MAGNOLIA_REVISION_FILES must be on or off' })
    .default('on'),
  GITHUB_OAUTH_CLIENT_ID: optionalSecret,
  GITHUB_OAUTH_CLIENT_SECRET: optionalSecret,
  GITHUB_OAUTH_SCOPE: z
    .string()
    .trim()
    .regex(/^[a-z0-9:_ ,-]*$/, 'GITHUB_OAUTH_SCOPE must be GitHub scopes separated by spaces, e.g. "read:org"')
    .default('read:org'),
  MAGNOLIA_SESSION_SECRET: optionalSecret.refine((value) => value === undefined || value.length >= 16, {
    message: 'MAGNOLIA_SESSION_SECRET must be at least 16 characters (e.g. `openssl rand -base64 32`), or unset',
  }),
  MAGNOLIA_SESSION_IDLE_HOURS: positiveNumber('MAGNOLIA_SESSION_IDLE_HOURS', 'hours').default(12),
  MAGNOLIA_SESSION_MAX_DAYS: positiveNumber('MAGNOLIA_SESSION_MAX_DAYS', 'days').default(7),
  MAGNOLIA_RATE_LIMIT_SIGNIN: positiveInteger('MAGNOLIA_RATE_LIMIT_SIGNIN', 'sign-in attempts').default(20),
  MAGNOLIA_RATE_LIMIT_WRITES: positiveInteger('MAGNOLIA_RATE_LIMIT_WRITES', 'writes').default(60),
  MAGNOLIA_TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(off|loopback|\d{1,2}|[0-9a-f.:/, ]+)$/i, {
      message:
        'MAGNOLIA_TRUST_PROXY must be off, loopback, a number of proxy hops, or proxy addresses (comma-separated)',
    })
    .default('off'),
  MAGNOLIA_COMMUNITY_NAME: z
    .string()
    .trim()
    .max(200, 'MAGNOLIA_COMMUNITY_NAME must be at most 200 characters')
    .optional(),
  MAGNOLIA_COMMUNITY_NAME_ZH: z
    .string()
    .trim()
    .max(200, 'MAGNOLIA_COMMUNITY_NAME_ZH must be at most 200 characters')
    .optional(),
  MAGNOLIA_CONTACT_EMAIL: z
    .string()
    .trim()
    .refine((value) => value === '' || /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value), {
      message: 'MAGNOLIA_CONTACT_EMAIL must be an email address, for example opensource@example.org',
    })
    .optional(),
  // Never echoed in a message: the URL carries the SMTP password.
  MAGNOLIA_SMTP_URL: z
    .string()
    .trim()
    .refine((value) => value === '' || /^smtps?:\/\/[^\s/]+(?::\d+)?\/?(?:\?[^\s]*)?$/i.test(value), {
      message:
        'MAGNOLIA_SMTP_URL must be an smtp:// or smtps:// URL, for example smtp://user:password@mail.example.org:587',
    })
    .optional(),
  MAGNOLIA_SITE_DIR: z.string().trim().optional(),
  MAGNOLIA_SITE_BASE_PATH: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._~\/-]*$/, {
      message: 'MAGNOLIA_SITE_BASE_PATH must be a URL path such as /standards/ (letters, digits, - . _ ~ and /)',
    })
    .optional(),
  MAGNOLIA_SITE_URL: httpUrl('MAGNOLIA_SITE_URL').optional(),
  MAGNOLIA_MAIL_FROM: z
    .string()
    .trim()
    .refine((value) => value === '' || /^(?:[^<>\r\n]*<)?[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+>?$/.test(value), {
      message: 'MAGNOLIA_MAIL_FROM must be an address, for example "Magnolia <portal@example.org>"',
    })
    .optional(),
});

/** The validated configuration of one Magnolia instance. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory (SQLite file, git mirrors). */
  dataDir: string;
  /** Absolute path of the SQLite database file. */
  databaseFile: string;
  /** Public base URL of the portal, without a trailing slash. */
  baseUrl: string;
  /** Webhook secrets, current first; empty when webhooks are not configured. */
  webhookSecrets: string[];
  githubToken: string | undefined;
  /** REST API base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  githubApiUrl: string;
  /** Web base of clone URLs and permalinks, e.g. `https://github.com`. */
  githubUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Minutes between periodic reconciles; 0 turns it off. */
  reconcileMinutes: number;
  /** Days a finished delivery keeps its payload (the delivery's record stays). */
  payloadRetentionDays: number;
  /** Bytes of webhook bodies read, verified and stored at once; past it a delivery is refused with 503. */
  webhookBodyBudgetBytes: number;
  /** Seed the offline demo community: `auto` seeds an empty instance when no GitHub token is set. */
  demo: 'auto' | 'on' | 'off';
  /** Whether a seeded demo also carries its proposals through the workflow (content/demo/proposals.yml). */
  demoProposals: boolean;
  /** Make the Word and PDF files of every revision in the background when it is ready (else on first download). */
  revisionFiles: boolean;
  /** Whether MAGNOLIA_BASE_URL was given (else `baseUrl` is the listening address, set once it is known). */
  baseUrlConfigured: boolean;
  /** The GitHub (or GitHub Enterprise Server) OAuth app people sign in with; undefined: not configured. */
  oauth: { clientId: string; clientSecret: string; scope: string } | undefined;
  /** Signs session cookies and seals session data; undefined: generated once and kept in the data dir. */
  sessionSecret: string | undefined;
  /** A session ends after this long without a request, and after `sessionMaxMs` whatever happens. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Sign-in attempts per 15 minutes per address, and writes per minute per person (or address). */
  rateLimits: { signInPer15Minutes: number; writesPerMinute: number };
  /** Express's `trust proxy`: false, 'loopback', a hop count, or addresses. */
  trustProxy: boolean | number | string;
  /** The community the portal serves, named in the footer (English and Chinese; either falls back to the other). */
  communityName: { en: string; zh: string } | null;
  /** The address the footer gives for questions, or null. */
  contactEmail: string | null;
  /** Notifications by e-mail (MAGNOLIA_SMTP_URL with MAGNOLIA_MAIL_FROM); undefined: inbox only. */
  mail: { smtpUrl: string; from: string } | undefined;
  /**
   * The static site the portal rebuilds whenever a revision becomes public (MAGNOLIA_SITE_DIR, absolute); its base
   * path ('' for relative links) and absolute URL. Null: no automatic build.
   */
  site: { dir: string; basePath: string; url: string | null } | null;
}

/** The configuration was invalid; `problems` lists one line per variable to fix. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Magnolia cannot start: fix these environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from an environment map, applying defaults.
 * Pure: the only place that knows the variable names; throws a `ConfigError` that says what to set.
 */
export function readConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
      }),
    );
  }
  const v = parsed.data;
  const problems: string[] = [];
  if (v.GITHUB_WEBHOOK_SECRET_PREVIOUS && !v.GITHUB_WEBHOOK_SECRET) {
    problems.push('GITHUB_WEBHOOK_SECRET_PREVIOUS is set without GITHUB_WEBHOOK_SECRET: set the current secret too');
  }
  if (Boolean(v.GITHUB_OAUTH_CLIENT_ID) !== Boolean(v.GITHUB_OAUTH_CLIENT_SECRET)) {
    problems.push(
      'GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET go together: set both (from the OAuth app on GitHub) or neither',
    );
  }
  if (v.MAGNOLIA_SMTP_URL && !v.MAGNOLIA_MAIL_FROM) {
    problems.push('MAGNOLIA_SMTP_URL is set without MAGNOLIA_MAIL_FROM: set the address notifications are sent from');
  }
  if ((v.MAGNOLIA_SITE_BASE_PATH || v.MAGNOLIA_SITE_URL) && !v.MAGNOLIA_SITE_DIR) {
    problems.push(
      'MAGNOLIA_SITE_BASE_PATH and MAGNOLIA_SITE_URL describe the static site: set MAGNOLIA_SITE_DIR, the folder to build it in',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(cwd, v.MAGNOLIA_DATA_DIR);
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'magnolia.sqlite'),
    baseUrl: v.MAGNOLIA_BASE_URL ?? `http://${v.HOST.includes(':') ? `[${v.HOST}]` : v.HOST}:${v.PORT}`,
    webhookSecrets: [v.GITHUB_WEBHOOK_SECRET, v.GITHUB_WEBHOOK_SECRET_PREVIOUS].filter(
      (s): s is string => s !== undefined,
    ),
    githubToken: v.GITHUB_TOKEN,
    githubApiUrl: v.GITHUB_API_URL,
    githubUrl: v.GITHUB_URL,
    logLevel: v.LOG_LEVEL,
    reconcileMinutes: v.MAGNOLIA_RECONCILE_MINUTES,
    payloadRetentionDays: v.MAGNOLIA_PAYLOAD_RETENTION_DAYS,
    webhookBodyBudgetBytes: v.MAGNOLIA_WEBHOOK_BODY_BUDGET_MB * 1024 * 1024,
    demo: v.MAGNOLIA_DEMO,
    demoProposals: v.MAGNOLIA_DEMO_PROPOSALS === 'on',
    revisionFiles: v.MAGNOLIA_REVISION_FILES === 'on',
    baseUrlConfigured: v.MAGNOLIA_BASE_URL !== undefined,
    oauth:
      v.GITHUB_OAUTH_CLIENT_ID && v.GITHUB_OAUTH_CLIENT_SECRET
        ? {
            clientId: v.GITHUB_OAUTH_CLIENT_ID,
            clientSecret: v.GITHUB_OAUTH_CLIENT_SECRET,
            scope: v.GITHUB_OAUTH_SCOPE.replace(/[\s,]+/g, ' ').trim(),
          }
        : undefined,
    sessionSecret: v.MAGNOLIA_SESSION_SECRET,
    sessionIdleMs: v.MAGNOLIA_SESSION_IDLE_HOURS * 3_600_000,
    sessionMaxMs: v.MAGNOLIA_SESSION_MAX_DAYS * 86_400_000,
    rateLimits: {
      signInPer15Minutes: v.MAGNOLIA_RATE_LIMIT_SIGNIN,
      writesPerMinute: v.MAGNOLIA_RATE_LIMIT_WRITES,
    },
    trustProxy: trustProxyOf(v.MAGNOLIA_TRUST_PROXY),
    communityName: communityName(v.MAGNOLIA_COMMUNITY_NAME, v.MAGNOLIA_COMMUNITY_NAME_ZH),
    contactEmail: v.MAGNOLIA_CONTACT_EMAIL ? v.MAGNOLIA_CONTACT_EMAIL : null,
    mail:
      v.MAGNOLIA_SMTP_URL && v.MAGNOLIA_MAIL_FROM
        ? { smtpUrl: v.MAGNOLIA_SMTP_URL, from: v.MAGNOLIA_MAIL_FROM }
        : undefined,
    site: v.MAGNOLIA_SITE_DIR
      ? {
          dir: path.resolve(cwd, v.MAGNOLIA_SITE_DIR),
          basePath: v.MAGNOLIA_SITE_BASE_PATH ?? (v.MAGNOLIA_SITE_URL ? new URL(v.MAGNOLIA_SITE_URL).pathname : ''),
          url: v.MAGNOLIA_SITE_URL ?? null,
        }
      : null,
  };
}

function trustProxyOf(value: string): boolean | number | string {
  if (value.toLowerCase() === 'off') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function communityName(en: string | undefined, zh: string | undefined): { en: string; zh: string } | null {
  const e = en ?? '';
  const z = zh ?? '';
  if (e === '' && z === '') return null;
  return { en: e || z, zh: z || e };
}
