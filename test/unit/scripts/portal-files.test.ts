/**
 * Which address a saved page of a portal stands for: its place in a
 * `wget --mirror` folder, unless a browser's `saved from url` comment names
 * it; and a folder with more pages than the audit reads is cut, with the
 * number found kept so that the run can say what it left out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addressOfMirrorPath,
  portalFiles,
  savedFromAddress,
} from '../../../scripts/cli/portal-files';

describe('the address of a saved page', () => {
  it('is http://<host>/<path> of its place in the mirror, query included', () => {
    expect(addressOfMirrorPath('www.hailing.gov.cn/xxgk/2023年报.html')).toBe(
      'http://www.hailing.gov.cn/xxgk/2023%E5%B9%B4%E6%8A%A5.html',
    );
    expect(addressOfMirrorPath('www.dcq.gov.cn/Article/ShowArticle.asp?ArticleID=12873')).toBe(
      'http://www.dcq.gov.cn/Article/ShowArticle.asp?ArticleID=12873',
    );
    expect(addressOfMirrorPath('loose.html')).toBeNull();
  });

  it('is the browser’s saved-from address when the page carries one, and only a web address', () => {
    expect(
      savedFromAddress(
        '<!DOCTYPE html>\r\n<!-- saved from url=(0048)http://www.qingxi.gov.cn/zwgk/ndbg/t2024.html -->\r\n<html>',
      ),
    ).toBe('http://www.qingxi.gov.cn/zwgk/ndbg/t2024.html');
    expect(savedFromAddress('<!-- saved from url=(0014)about:internet -->')).toBeNull();
    expect(savedFromAddress('<html><head>')).toBeNull();
  });
});

describe('portalFiles', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogi-lens-portal-files-'));
    await mkdir(join(dir, 'www.x.gov.cn', 'ndbg'), { recursive: true });
    for (const name of ['a.html', 'b.htm', 'c.shtml', 'd.pdf', 'e.css', 'f.jpg', 'g.html']) {
      await writeFile(join(dir, 'www.x.gov.cn', 'ndbg', name), '<html></html>');
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads pages and PDFs only, in path order, each with its address', async () => {
    const { files, found } = await portalFiles(dir);
    expect(found).toBe(5);
    expect(files.map((f) => f.relative)).toEqual([
      'www.x.gov.cn/ndbg/a.html',
      'www.x.gov.cn/ndbg/b.htm',
      'www.x.gov.cn/ndbg/c.shtml',
      'www.x.gov.cn/ndbg/d.pdf',
      'www.x.gov.cn/ndbg/g.html',
    ]);
    expect(files[0]?.url).toBe('http://www.x.gov.cn/ndbg/a.html');
  });

  it('stops at the limit and keeps the number it found', async () => {
    const { files, found } = await portalFiles(dir, 2);
    expect(files).toHaveLength(2);
    expect(found).toBe(5);
  });
});
