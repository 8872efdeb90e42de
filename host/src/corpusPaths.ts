import * as path from 'path';

export interface ResolvedPaths {
  folders: string[];
  unresolved: { file: string; reason: string }[];
}

export interface PathContext {
  /** The first workspace folder, which relative paths start at. */
  workspace?: string;
  home: string;
  /** The platform's path rules: `path.win32` on Windows (drive letters, backslashes, UNC shares). */
  paths?: path.PlatformPath;
}

/**
 * The folders of `speechDraft.corpus.paths` as a user writes them: absolute (`D:\讲话稿`,
 * `\\server\share\讲话稿`, `/home/…`), from the home folder (`~/讲话稿`, `~\讲话稿`), or relative to the
 * workspace folder and inside it: `../../etc` in a workspace's settings reads nothing.
 */
export function resolveCorpusPaths(written: string[], { workspace, home, paths = path }: PathContext): ResolvedPaths {
  const unresolved: ResolvedPaths['unresolved'] = [];
  const folders = written.flatMap(file => {
    const expanded = file.replace(/^~(?=$|[\\/])/, home);
    if (paths.isAbsolute(expanded)) return [paths.resolve(expanded)];
    if (!workspace) {
      unresolved.push({ file, reason: 'a relative path needs an open workspace folder' });
      return [];
    }
    const resolved = paths.resolve(workspace, expanded);
    const inside = paths.relative(workspace, resolved);
    if (inside === '..' || inside.startsWith(`..${paths.sep}`) || paths.isAbsolute(inside)) {
      unresolved.push({ file, reason: 'a relative path must stay inside the workspace folder: write the folder as an absolute path' });
      return [];
    }
    return [resolved];
  });
  return { folders, unresolved };
}
