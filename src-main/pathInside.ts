/** The one path-containment check: is a path inside a folder, by its name alone. */
import path from 'node:path';

/** The parts of node:path the checks use: the platform's, path.posix or path.win32. */
export type PathFlavour = Pick<typeof path, 'join' | 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Whether `target` is `dir` itself or lies below it, by the names alone: `..` is resolved, no symlink is followed and
 * nothing is read from disk. `/a/bc` is not inside `/a/b`. With path.win32 case and separators do not matter, and
 * another drive or a UNC share is outside. Relative paths are taken from the current folder.
 */
export function isInside(dir: string, target: string, p: PathFlavour = path): boolean {
  const rel = p.relative(p.resolve(dir), p.resolve(target));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

/**
 * The file a URL path names below `dir` (`/` is `index`), or null when it would leave the folder, is the folder
 * itself, or cannot be decoded. For the renderer's app:// protocol and the harness's static files.
 */
export function resolveInside(dir: string, urlPath: string, index = 'index.html', p: PathFlavour = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // a malformed %-escape
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^[/\\]+/, '');
  const file = p.resolve(dir, rel || index);
  return isInside(dir, file, p) && p.relative(p.resolve(dir), file) !== '' ? file : null;
}
