// Looks for secrets, and their obvious encodings, in text, in every text cell of a SQLite file, and in every byte
// of every file under a folder. A finding names the secret, the form it was found in and where.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface Secret {
  name: string;
  value: string;
}

/** One form of a secret to look for, e.g. `base64 (offset 1)`. */
interface Needle {
  secret: string;
  form: string;
  bytes: Buffer;
}

export interface Scanner {
  /** Records a finding for each needle in `data`, attributed to `where`; returns how many bytes it read. */
  scan(where: string, data: string | Buffer): number;
  /** Every text and blob cell of every table of a SQLite file (opened read-only). */
  scanDatabase(file: string): { tables: number; cells: number };
  /** Every file under `dir`, as raw bytes. */
  scanTree(dir: string): { files: number; bytes: number };
  findings: string[];
  /** How many forms of the secrets are looked for. */
  needleCount: number;
}

// Base64 of the secret at each of the three byte alignments it can have inside a longer encoded value (the header
// `Authorization: Basic base64("x-access-token:" + token)` for one), without the partial groups at either end.
function base64Forms(value: Buffer): { form: string; text: string }[] {
  const forms: { form: string; text: string }[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), value]).toString('base64');
    const tail = (offset + value.length) % 3 === 0 ? 0 : 4;
    const text = encoded.slice(offset === 0 ? 0 : 4, encoded.length - tail);
    forms.push({ form: `base64 (offset ${offset})`, text });
    forms.push({ form: `base64url (offset ${offset})`, text: text.replace(/\+/g, '-').replace(/\//g, '_') });
  }
  return forms;
}

function needlesOf(secret: Secret): Needle[] {
  const raw = Buffer.from(secret.value, 'utf8');
  const forms = [
    { form: 'verbatim', text: secret.value },
    { form: 'URL-encoded', text: encodeURIComponent(secret.value) },
    { form: 'form-encoded', text: new URLSearchParams({ x: secret.value }).toString().slice(2) },
    { form: 'JSON-escaped', text: JSON.stringify(secret.value).slice(1, -1) },
    { form: 'hex', text: raw.toString('hex') },
    ...base64Forms(raw),
  ];
  const seen = new Set<string>();
  return forms
    .filter(({ text }) => text.length >= 12 && !seen.has(text) && seen.add(text))
    .map(({ form, text }) => ({ secret: secret.name, form, bytes: Buffer.from(text, 'utf8') }));
}

/** A scanner for `secrets`. */
export function createScanner(secrets: readonly Secret[]): Scanner {
  const needles = secrets.flatMap(needlesOf);
  const findings: string[] = [];
  const scanner: Scanner = {
    findings,
    needleCount: needles.length,
    scan(where, data) {
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (const n of needles) {
        const at = buffer.indexOf(n.bytes);
        if (at >= 0) {
          const context = buffer.subarray(Math.max(0, at - 60), at + n.bytes.length + 20).toString('utf8');
          findings.push(`${n.secret} (${n.form}) in ${where}: …${context.replace(/\s+/g, ' ')}…`);
        }
      }
      return buffer.length;
    },
    scanDatabase(file) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
        let cells = 0;
        for (const table of tables) {
          for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).iterate() as Iterable<
            Record<string, unknown>
          >) {
            for (const [column, value] of Object.entries(row)) {
              if (typeof value !== 'string' && !Buffer.isBuffer(value)) continue;
              cells += 1;
              scanner.scan(`${path.basename(file)} ${table}.${column}`, value);
            }
          }
        }
        return { tables: tables.length, cells };
      } finally {
        db.close();
      }
    },
    scanTree(dir) {
      let files = 0;
      let bytes = 0;
      const walk = (at: string): void => {
        for (const entry of readdirSync(at, { withFileTypes: true })) {
          const full = path.join(at, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.isFile() && statSync(full).size > 0) {
            files += 1;
            bytes += scanner.scan(path.relative(dir, full), readFileSync(full));
          }
        }
      };
      walk(dir);
      return { files, bytes };
    },
  };
  return scanner;
}
