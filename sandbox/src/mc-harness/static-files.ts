import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.html': 'text/html; charset=utf-8',
};

/** Serves one file of `root` (the view's build output, as the app's hosting would). */
export function serveFile(root: string, urlPath: string, res: ServerResponse): void {
  const file = path.join(
    root,
    path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ''),
  );
  if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();

    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'access-control-allow-origin': '*',
  });
  createReadStream(file).pipe(res);
}
