import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveCorpusPaths } from '../../host/src/corpusPaths';

const OUTSIDE = 'a relative path must stay inside the workspace folder: write the folder as an absolute path';

describe('folders of past speeches as a user writes them', () => {
  it('on Windows: drive letters, backslashes, UNC shares of an office network, ~ and relative folders', () => {
    const context = { workspace: 'D:\\工作\\讲稿', home: 'C:\\Users\\秘书', paths: path.win32 };
    assert.deepEqual(resolveCorpusPaths([
      'E:\\历年讲话稿', 'e:/历年讲话稿/2024', '\\\\fileserver\\办公室\\讲话稿', '~\\文档\\讲话', '往年\\2023', '.\\往年', '..\\..\\Windows', 'C:relative',
    ], context), {
      folders: ['E:\\历年讲话稿', 'e:\\历年讲话稿\\2024', '\\\\fileserver\\办公室\\讲话稿', 'C:\\Users\\秘书\\文档\\讲话', 'D:\\工作\\讲稿\\往年\\2023', 'D:\\工作\\讲稿\\往年'],
      unresolved: [{ file: '..\\..\\Windows', reason: OUTSIDE }, { file: 'C:relative', reason: OUTSIDE }],
    });
  });

  it('on Linux and macOS: absolute, ~, and relative folders that stay inside the workspace', () => {
    const context = { workspace: '/home/mishu/讲稿', home: '/home/mishu', paths: path.posix };
    assert.deepEqual(resolveCorpusPaths(['/srv/讲话稿/', '~/文档', '~', 'past', '../../etc', 'past/../../x'], context), {
      folders: ['/srv/讲话稿', '/home/mishu/文档', '/home/mishu', '/home/mishu/讲稿/past'],
      unresolved: [{ file: '../../etc', reason: OUTSIDE }, { file: 'past/../../x', reason: OUTSIDE }],
    });
  });

  it('needs a workspace folder for a relative path', () => {
    assert.deepEqual(resolveCorpusPaths(['past'], { home: '/home/mishu', paths: path.posix }).unresolved,
      [{ file: 'past', reason: 'a relative path needs an open workspace folder' }]);
  });
});
