/**
 * Report pages with a runaway text, for the benchmark and the tests: the base
 * report page of huge-report.ts with one more paragraph before its tables —
 * the page's own narrative run together without ，；。 or any other clause
 * break, a list joined by 、 only — or its title wrapped in thousands of
 * nested <span>s, as a broken editor leaves them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_FIXTURE } from './huge-report';

const FIXTURE_DIR = join(import.meta.dirname, '../../test/fixtures');
/** Every character that ends a clause for the narrative reader (、 only within a list). */
const CLAUSE_BREAKS = /[，,；;。：:（）()【】[\]！!？?“”、\s]/g;
const LIST_ITEMS = [
  '政策文件',
  '规划计划',
  '人事信息',
  '财政资金',
  '重大项目',
  '行政许可',
  '行政处罚',
  '征地信息',
];

function basePage(): string {
  return readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`), 'utf8');
}

/** The base page's narrative paragraphs run together without a clause break, repeated to `chars` characters. */
export function paragraphWithoutBreaks(chars: number): string {
  const paragraphs = Array.from(basePage().matchAll(/<p[^>]*>([^<]{20,})<\/p>/g), (m) => m[1]);
  const run = paragraphs.join('').replace(CLAUSE_BREAKS, '');
  return run.repeat(Math.ceil(chars / run.length)).slice(0, chars);
}

/** 主动公开 counts by kind, joined by 、 only, to `chars` characters. */
export function listWithoutBreaks(chars: number): string {
  const items: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const item = `${LIST_ITEMS[i % LIST_ITEMS.length]}${((i * 37) % 500) + 1}条、`;
    items.push(item);
    length += item.length;
  }
  return `主动公开政府信息${items.join('')}`.slice(0, chars);
}

/** The base page with `paragraph` as a paragraph of its own right after the first one. */
function withParagraph(paragraph: string): string {
  const page = basePage();
  const end = page.indexOf('</p>') + '</p>'.length;
  return `${page.slice(0, end)}\n<p>${paragraph}</p>${page.slice(end)}`;
}

export function longParagraphPage(chars: number): string {
  return withParagraph(paragraphWithoutBreaks(chars));
}

export function longListPage(chars: number): string {
  return withParagraph(listWithoutBreaks(chars));
}

/** The base page with its first paragraph inside `depth` nested <span>s. */
export function nestedSpansPage(depth: number): string {
  const page = basePage();
  const start = page.indexOf('<p');
  const end = page.indexOf('</p>') + '</p>'.length;
  const nested = `${'<span>'.repeat(depth)}${page.slice(start, end)}${'</span>'.repeat(depth)}`;
  return `${page.slice(0, start)}${nested}${page.slice(end)}`;
}
