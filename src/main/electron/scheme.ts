import { net, protocol } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The built renderer is served to the windows from `otklik://app/`, not from `file:`: Chromium keeps V8's
 * code cache only for http(s) and for schemes that ask for it, so from `file:` every start compiled the
 * renderer's script again (the build gives it the compile hint that puts all of it in the cache; see
 * electron.vite.config.ts). A privileged standard scheme is also what Electron's security checklist advises
 * instead of `file:`, which would expose every file of the disk to a page that navigated there.
 */
export const APP_SCHEME = 'otklik';
export const APP_BASE = `${APP_SCHEME}://app/`;

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The file of `rendererDir` an app URL names; null for any other URL or a path that leaves the folder. */
export function rendererFileOf(url: string, rendererDir: string): string | null {
  let path: string;
  try {
    if (!url.startsWith(APP_BASE)) return null;
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? file : null;
}

/** Answers the scheme's requests with the built renderer's files (after the app is ready). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileOf(request.url, rendererDir);
    return file ? net.fetch(pathToFileURL(file).href) : new Response(null, { status: 404 });
  });
}
