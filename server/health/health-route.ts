import express, { type Router } from 'express';
import type { Db } from '../../db/open-database.ts';

/** `GET /healthz`: 200 `{ ok: true }` when the store answers (migrations run before the app exists). */
export function createHealthRoute(db: Db): Router {
  const router = express.Router();
  const ping = db.prepare('SELECT count(*) FROM schema_migrations').pluck();
  router.get('/healthz', (_req, res) => {
    try {
      res.json({ ok: true, schema: ping.get() });
    } catch {
      res
        .status(503)
        .json({ ok: false, error: { code: 'store_unavailable', message: 'the database does not answer' } });
    }
  });
  return router;
}
