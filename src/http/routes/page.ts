// GET /: the calculator page — one self-contained HTML file (no build step, no CDN) that uses the public API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { packageRoot } from '../../files/tables.js';

export const pageRoutes: FastifyPluginAsync = async (app) => {
  const html = readFileSync(join(packageRoot(), 'src', 'http', 'page', 'index.html'), 'utf8');
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
};
