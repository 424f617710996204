import { describe, expect, it } from 'vitest';
import { createLocaleLoader } from '../../../lib/background/locales';

describe('the locale files, read for content scripts', () => {
  it('reads each file once, parsed, and reads again after a failure', async () => {
    const reads: string[] = [];
    let fail = true;
    const load = createLocaleLoader(async (path) => {
      reads.push(path);
      if (fail) throw new Error('worker busy');
      return { extName: { message: 'OGI Lens' } };
    });
    await expect(load('en')).rejects.toThrow('worker busy');
    fail = false;
    await expect(load('en')).resolves.toEqual({ extName: { message: 'OGI Lens' } });
    await load('en');
    expect(reads).toEqual(['/_locales/en/messages.json', '/_locales/en/messages.json']);
  });

  it('refuses a file that is not a locale', async () => {
    const load = createLocaleLoader(async () => ({ extName: 'OGI Lens' }));
    await expect(load('zh_CN')).rejects.toThrow();
  });
});
