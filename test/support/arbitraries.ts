/**
 * fast-check arbitraries for the property tests: table markup with every kind
 * of span attribute a pasted page carries, figures printed every way a report
 * prints them, labels as Word and WPS paste them, and 2021-format reports
 * whose figures satisfy every identity the format states.
 */
import fc from 'fast-check';
import { FORMAT_2021 } from '../../lib/formats/format-2021';
import { keysOf, splitKey } from '../../lib/formats/format-table';
import { T3_APPLICANT_COLUMNS } from '../../lib/formats/table-3';
import type { SumIdentity, TableIdentity } from '../../lib/formats/types';
import type { CellValue, Report } from '../../lib/model/report';
import { reportOf, tableOf } from './report-builder';

// ---------------------------------------------------------------- width and spacing

/** Full-width form of an ASCII character (`1` → `１`, space → ideographic space). */
export function fullWidthOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === ' ') return '\u3000';
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
}

/** `s` with the characters picked by `mask` (cycled) turned full width. */
export function widen(s: string, mask: boolean[]): string {
  if (mask.length === 0) return s;
  return [...s].map((ch, i) => (mask[i % mask.length] ? fullWidthOf(ch) : ch)).join('');
}

/** Whitespace a pasted page puts around and inside text, `<br>`-made newlines included. */
export const WHITESPACE = [
  ' ',
  '  ',
  '\u00a0',
  '\u3000',
  '\n',
  '\r\n',
  '\t',
  '\u2002',
  '\u2009',
  '\u202f',
];
/** Characters that print nothing: zero-width spaces and joiners, BOM, soft hyphen, direction marks. */
export const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\ufeff', '\u00ad', '\u2060'];

export const whitespaceArb = fc.constantFrom(...WHITESPACE);
export const spacingArb = fc.array(fc.constantFrom(...WHITESPACE, ...INVISIBLE), { maxLength: 3 });

/** `s` with the given runs of whitespace inserted before the code points at the given positions. */
export function insertAt(s: string, inserts: [number, string][]): string {
  const chars = [...s];
  const extra = new Map<number, string>();
  for (const [at, text] of inserts) {
    const i = at % (chars.length + 1);
    extra.set(i, (extra.get(i) ?? '') + text);
  }
  return chars.map((ch, i) => (extra.get(i) ?? '') + ch).join('') + (extra.get(chars.length) ?? '');
}

// ---------------------------------------------------------------- table markup

/** Span attribute values: normal, zero, huge, and the garbage pasted pages carry. */
export const spanAttrArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5 }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '1000',
      '1001',
      '65534',
      '65535',
      '99999999999999999999',
      '2x',
      '3px',
      ' 2',
      '\t2',
      '+2',
      '02',
      '1.5',
      '-1',
      '-0',
      '-00',
      '- 1',
      '',
      ' ',
      'abc',
      '２',
      '0x2',
      '1e3',
    ),
  },
);

export interface CellSpec {
  tag: 'td' | 'th';
  rowspan: string | null;
  colspan: string | null;
  text: string;
}

export interface RowGroupSpec {
  /** null: rows written straight into the table (the parser wraps them in a tbody). */
  section: 'thead' | 'tbody' | 'tfoot' | null;
  rows: CellSpec[][];
}

export interface TableSpec {
  groups: RowGroupSpec[];
  /** Noise the grid must ignore: a caption, comments, a nested table inside a cell. */
  caption: boolean;
  nestedTableIn: number | null;
}

const cellTextArb = fc.oneof(
  fc.constantFrom('', '&nbsp;', '—', '总计', '自然人', '（一）予以公开', '１２'),
  fc.nat({ max: 999 }).map(String),
);

const cellSpecArb: fc.Arbitrary<CellSpec> = fc.record({
  tag: fc.constantFrom('td', 'th'),
  rowspan: spanAttrArb,
  colspan: spanAttrArb,
  text: cellTextArb,
});

/** Ragged rows of random cells, in up to four row groups (one thead and one tfoot at most). */
export const spanTableArb: fc.Arbitrary<TableSpec> = fc
  .record({
    head: fc.option(fc.array(fc.array(cellSpecArb, { maxLength: 6 }), { maxLength: 3 })),
    bodies: fc.array(
      fc.record({
        wrapped: fc.boolean(),
        rows: fc.array(fc.array(cellSpecArb, { maxLength: 8 }), { minLength: 1, maxLength: 6 }),
      }),
      { maxLength: 3 },
    ),
    foot: fc.option(fc.array(fc.array(cellSpecArb, { maxLength: 6 }), { maxLength: 2 })),
    footFirst: fc.boolean(),
    caption: fc.boolean(),
    nestedTableIn: fc.option(fc.nat({ max: 20 })),
  })
  .map(({ head, bodies, foot, footFirst, caption, nestedTableIn }) => {
    const body: RowGroupSpec[] = bodies.map((b) => ({
      section: b.wrapped ? 'tbody' : null,
      rows: b.rows,
    }));
    const thead: RowGroupSpec[] = head ? [{ section: 'thead', rows: head }] : [];
    const tfoot: RowGroupSpec[] = foot ? [{ section: 'tfoot', rows: foot }] : [];
    // HTML 4 put the tfoot before the body; the grid must still read it last.
    const groups = footFirst ? [...thead, ...tfoot, ...body] : [...thead, ...body, ...tfoot];
    return { groups, caption, nestedTableIn };
  });

const attr = (name: string, value: string | null): string =>
  value === null ? '' : ` ${name}="${value}"`;

/** The markup of `spec`; cell `nestedTableIn` (counted across the table) holds a table of its own. */
export function tableMarkup(spec: TableSpec): string {
  let cellNumber = 0;
  const cell = (c: CellSpec): string => {
    const nested =
      cellNumber++ === spec.nestedTableIn
        ? '<table><tr><td rowspan="9">内</td><td colspan="9">层</td></tr><tr><td>x</td></tr></table>'
        : '';
    return `<${c.tag}${attr('rowspan', c.rowspan)}${attr('colspan', c.colspan)}>${c.text}${nested}</${c.tag}>`;
  };
  const rows = (g: RowGroupSpec): string =>
    g.rows.map((r) => `<tr>${r.map(cell).join('')}</tr><!-- row -->`).join('\n');
  const groups = spec.groups.map((g) =>
    g.section === null ? rows(g) : `<${g.section}>${rows(g)}</${g.section}>`,
  );
  return `<table border="1">${spec.caption ? '<caption>表三</caption>' : ''}${groups.join('\n')}</table>`;
}

/** A rectangle of a well-formed layout, relative to its row group. */
export interface Rect {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface LayoutGroup {
  section: 'thead' | 'tbody' | 'tfoot';
  height: number;
  width: number;
  /** Tile the group's height × width slots exactly, in reading order. */
  rects: Rect[];
}

/** Tiles height × width with rectangles, slot by slot in reading order, from a list of choices. */
function tile(height: number, width: number, choices: [number, number][]): Rect[] {
  const filled = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  const isFree = (r: number, c: number) => filled[r]?.[c] === false;
  const rects: Rect[] = [];
  let next = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (!isFree(r, c)) continue;
      const [wantRows, wantCols] = choices[next++ % choices.length] ?? [0, 0];
      let colSpan = 1;
      while (colSpan <= wantCols && isFree(r, c + colSpan)) colSpan++;
      let rowSpan = 1;
      const rowFree = (rr: number) =>
        Array.from({ length: colSpan }, (_, i) => c + i).every((cc) => isFree(rr, cc));
      while (rowSpan <= wantRows && r + rowSpan < height && rowFree(r + rowSpan)) rowSpan++;
      for (let rr = r; rr < r + rowSpan; rr++) {
        for (let cc = c; cc < c + colSpan; cc++) (filled[rr] as boolean[])[cc] = true;
      }
      rects.push({ row: r, col: c, rowSpan, colSpan });
    }
  }
  return rects;
}

const spanChoiceArb = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat({ max: 5 })),
  fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat({ max: 4 })),
);

const layoutGroupArb = (section: LayoutGroup['section']): fc.Arbitrary<LayoutGroup> =>
  fc
    .record({
      height: fc.integer({ min: 1, max: 7 }),
      width: fc.integer({ min: 1, max: 9 }),
      choices: fc.array(spanChoiceArb, { minLength: 1, maxLength: 40 }),
    })
    .map(({ height, width, choices }) => ({
      section,
      height,
      width,
      rects: tile(height, width, choices),
    }));

/** A well-formed table: each row group tiled by merged cells, groups of different widths. */
export const layoutArb: fc.Arbitrary<LayoutGroup[]> = fc
  .tuple(
    fc.option(layoutGroupArb('thead')),
    fc.array(layoutGroupArb('tbody'), { minLength: 1, maxLength: 3 }),
    fc.option(layoutGroupArb('tfoot')),
  )
  .map(([head, bodies, foot]) => [...(head ? [head] : []), ...bodies, ...(foot ? [foot] : [])]);

/** Every way a page may spell a column span of `n` (HTML's parsing rules make them equal). */
export function colspanSpellings(n: number): (string | null)[] {
  if (n === 1) return [null, '1', '0', '', 'x', '-1', ' 1 ', '-0', '1px'];
  return [String(n), ` ${n}`, `+${n}`, `${n}px`, `0${n}`, `${n}.9`, `\n${n}\n`];
}

/** Every way a page may spell a row span of `n`; `toGroupEnd`: the span reaches the group's last row. */
export function rowspanSpellings(n: number, toGroupEnd: boolean): (string | null)[] {
  const exact =
    n === 1 ? [null, '1', '', 'x', '-1', '1px'] : [String(n), ` ${n}`, `+${n}`, `0${n}`];
  return toGroupEnd ? [...exact, '0', '1000', '65534', '99999999999999999999'] : exact;
}

export interface SpelledLayout {
  groups: LayoutGroup[];
  markup: string;
}

/** A layout and markup that spells it, each span written one of its equivalent ways. */
export const spelledLayoutArb: fc.Arbitrary<SpelledLayout> = layoutArb.chain((groups) => {
  const rects = groups.flatMap((g) => g.rects.map((rect) => ({ rect, group: g })));
  return fc
    .tuple(
      fc.tuple(
        ...rects.map(({ rect, group }) =>
          fc.record({
            colspan: fc.constantFrom(...colspanSpellings(rect.colSpan)),
            rowspan: fc.constantFrom(
              ...rowspanSpellings(rect.rowSpan, rect.row + rect.rowSpan === group.height),
            ),
            tag: fc.constantFrom('td', 'th'),
          }),
        ),
      ),
      fc.boolean(),
    )
    .map(([spellings, footFirst]) => {
      let i = 0;
      const groupMarkup = groups.map((g) => {
        const rows: string[][] = Array.from({ length: g.height }, () => []);
        for (const rect of g.rects) {
          const s = spellings[i++] as {
            colspan: string | null;
            rowspan: string | null;
            tag: string;
          };
          rows[rect.row]?.push(
            `<${s.tag}${attr('rowspan', s.rowspan)}${attr('colspan', s.colspan)}>${g.section}:${rect.row},${rect.col}</${s.tag}>`,
          );
        }
        return `<${g.section}>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</${g.section}>`;
      });
      // The tfoot may come before the body in the markup (HTML 4 style); it is still read last.
      const foot = groups.at(-1)?.section === 'tfoot' ? groupMarkup.pop() : undefined;
      if (foot !== undefined && footFirst) {
        const at = groups[0]?.section === 'thead' ? 1 : 0;
        groupMarkup.splice(at, 0, foot);
      } else if (foot !== undefined) groupMarkup.push(foot);
      return { groups, markup: `<table>${groupMarkup.join('')}</table>` };
    });
});

/**
 * A table a few kilobytes long whose span attributes declare millions of
 * slots: a row of `colspan="1000"` cells over many short rows.
 */
export const amplifiedTableArb: fc.Arbitrary<string> = fc
  .record({
    wide: fc.integer({ min: 30, max: 70 }),
    span: fc.constantFrom('1000', '999', '65535', '5000'),
    rows: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 140 }),
    wideRowAt: fc.nat({ max: 5 }),
  })
  .map(({ wide, span, rows, wideRowAt }) => {
    const short = rows.map((n) => `<tr>${'<td>1</td>'.repeat(n)}</tr>`);
    short.splice(wideRowAt, 0, `<tr>${`<td colspan="${span}">表</td>`.repeat(wide)}</tr>`);
    return `<table><tbody>${short.join('')}</tbody></table>`;
  });

// ---------------------------------------------------------------- printed figures

/** Units a report prints after a figure, as the parser reports them (half width). */
export const FIGURE_UNITS = [
  '件',
  '条',
  '次',
  '个',
  '人',
  '人次',
  '件次',
  '项',
  '篇',
  '家',
  '天',
  '个工作日',
  '元',
  '万元',
  '亿元',
  '万',
  '%',
  '‰',
];

const NEGATIVE_SIGNS = ['-', '−', '﹣', '–', '减', '减少', '负'];
const POSITIVE_SIGNS = ['+', '增', '增加'];

export interface PrintedFigure {
  text: string;
  /** What the parser should read from `text`. */
  expected: CellValue;
}

/** Groups of three from the right: `1234567` → [`1`, `234`, `567`]. */
function thousands(digits: string): string[] {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups;
}

/**
 * A number printed as reports print it: signs, full-width characters,
 * thousands separators, decimals, units, approximation words, and whitespace
 * or invisible characters around and inside.
 */
export const printedFigureArb: fc.Arbitrary<PrintedFigure> = fc
  .record({
    integer: fc.oneof(
      fc.nat({ max: 999 }),
      fc.nat({ max: 99_999 }),
      fc.integer({ min: 0, max: 999_999_999_999 }),
    ),
    leadingZeros: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.nat({ max: 2 })),
    decimals: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.stringMatching(/^\d{1,4}$/)),
    sign: fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      fc.constantFrom(...POSITIVE_SIGNS),
      fc.constantFrom(...NEGATIVE_SIGNS),
    ),
    separator: fc.constantFrom('', '', ',', '，', ' ', '\u00a0', '\u2009', '\u3000'),
    unit: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.constantFrom(...FIGURE_UNITS)),
    approxBefore: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      fc.constantFrom('约', '近', '大约', '将近'),
    ),
    approxAfter: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      fc.constantFrom('余', '多', '左右', '以上'),
    ),
    gaps: fc.array(fc.oneof(fc.constant(''), whitespaceArb), { minLength: 4, maxLength: 4 }),
    padding: fc.tuple(spacingArb, spacingArb),
    invisibleInside: fc.option(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE))),
    wide: fc.array(fc.boolean(), { maxLength: 5 }),
  })
  .map((f) => {
    const digits = String(f.integer);
    const grouped =
      f.separator !== '' && digits.length > 3
        ? thousands(digits).join(f.separator)
        : '0'.repeat(f.leadingZeros) + digits;
    const number = f.decimals === '' ? grouped : `${grouped}.${f.decimals}`;
    const [g0, g1, g2, g3] = f.gaps as [string, string, string, string];
    // A gap is only allowed where the parser allows one space: between the parts, never inside a word.
    let core = `${f.approxBefore}${f.approxBefore && g0}${widen(f.sign, f.wide)}${f.sign && g1}${widen(number, f.wide)}`;
    if (f.unit) core += `${g2}${f.unit === '%' && f.wide[0] ? '％' : f.unit}`;
    if (f.approxAfter) core += `${g3}${f.approxAfter}`;
    if (f.invisibleInside) core = insertAt(core, [f.invisibleInside]);
    const text = `${f.padding[0].join('')}${core}${f.padding[1].join('')}`;
    const magnitude = Number(`${digits}.${f.decimals || '0'}`);
    const negative = NEGATIVE_SIGNS.includes(f.sign) && magnitude !== 0;
    return {
      text,
      expected: {
        kind: 'number' as const,
        value: negative ? -magnitude : magnitude,
        decimals: f.decimals.length,
        unit: f.unit,
        approximate: f.approxBefore !== '' || f.approxAfter !== '',
      },
    };
  });

/** Characters figures, dashes and garbage are made of, half and full width. */
const FIGURE_ALPHABET = [
  ...'0123456789０１２３４５６７８９',
  ...'..．,，+-−－—–/／%％',
  ' ',
  '\u00a0',
  '\u3000',
  '\n',
  '\u200b',
  ...'eE件条万元余多约减增负无x',
];

/** Strings a cell may hold that are mostly not figures: near-misses, garbage, any Unicode. */
export const cellGarbageArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...FIGURE_ALPHABET), maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc
    .tuple(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('.', '．'), spacingArb)
    .map(([a, b, c, dot, pad]) => `${pad.join('')}${a}${dot}${b}${dot}${c}`),
  fc
    .tuple(fc.nat({ max: 99 }), fc.constantFrom('e', 'E', 'e+', 'e-', 'ｅ'), fc.nat({ max: 9 }))
    .map(([a, e, b]) => `${a}${e}${b}`),
  fc.constantFrom(
    '1.2.3',
    '１．２．３',
    '1e3',
    '—',
    '12%',
    '12 %',
    '1,2345',
    '5-3',
    '.5',
    '12.',
    '1..2',
  ),
);

/** Dash marks and "not applicable" words, padded. */
export const dashTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.array(fc.constantFrom('—', '–', '-', '－', '―', '/', '／', '~', '～', '\\'), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom('无', '不适用', 'N/A', 'n/a', 'NA').map((w) => [w]),
    ),
    spacingArb,
    spacingArb,
  )
  .map(([marks, before, after]) => `${before.join('')}${marks.join('')}${after.join('')}`);

/** Whitespace and invisible characters only. */
export const blankTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WHITESPACE, ...INVISIBLE), { maxLength: 6 })
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------- labels

/** Characters of table labels: CJK, numbering, brackets, list marks, quotes, dashes, ASCII. */
const LABEL_ALPHABET = [
  ...'一二三四五六七八九十本年新收政府信息公开申请数量予以部分不处理其他总计结转下年度自然人商业企业',
  ...'0123456789abcXYZ',
  ...'()（）[]【】〔〕「」、，,﹐.．﹒·。:：;“”"\'‘’—–-－‐/％%',
];

export const labelArb: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...LABEL_ALPHABET),
  maxLength: 24,
});

/** A label with whitespace and invisible characters inserted at random places. */
export const spacedLabelArb = (label: string): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom(...WHITESPACE, ...INVISIBLE)), { maxLength: 6 })
    .map((inserts) => insertAt(label, inserts));

// ---------------------------------------------------------------- consistent 2021 reports

/** Canonical keys of table 三 (2021) as [row, column] pairs, totals included. */
export const T3_KEYS_2021 = keysOf(FORMAT_2021, 't3');
export const T4_GROUPS = ['review', 'direct', 'afterReview'];
export const T4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];
export const T4_KEYS = T4_GROUPS.flatMap((g) =>
  [...T4_OUTCOMES, 'total'].map((o) => `t4.${g}.${o}`),
);
export const T2_KEYS_2021 = keysOf(FORMAT_2021, 't2');

/** Every key a 2021 identity (lib/formats/format-2021.ts) mentions. */
export function identityKeys(identity: TableIdentity): string[] {
  return identity.kind === 'sum'
    ? [identity.total, ...identity.parts]
    : [...identity.left, ...identity.right];
}

/** The rows of 三、本年度办理结果 whose sum is （七）总计, as the 2021 format's identity states it. */
const T3_RESULT_ROWS_2021 = (
  FORMAT_2021.identities.find(
    (id): id is SumIdentity => id.rule === 't3.results-total' && id.kind === 'sum',
  )?.parts ?? []
).map((k) => splitKey(k)[0]);

/** A count as reports print it: mostly zero or small, now and then in the thousands. */
export const countArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.nat({ max: 40 }) },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }) },
);

export interface ReportValues {
  /** Every key of tables 二, 三 and 四, with its figure. */
  values: Record<string, number>;
}

export interface ConsistencyInput {
  /** This year's 上年结转 per applicant column (last year's 结转下年度), when a previous report exists. */
  carryIn?: Record<string, number>;
  /** Last year's 现行有效件数 of rules and normative documents. */
  previousValid?: { rules: number; normative: number };
}

/**
 * Figures of a 2021 report satisfying every identity of the format: the
 * result rows of table 三 are chosen per applicant column and everything else
 * derived (（七）总计, the 总计 column, 一 = 三(七) + 四 − 二), table 四's totals are
 * the sums of their outcomes, and table 二's 现行有效 follows from last year's
 * stock plus 本年制发 minus 本年废止.
 */
export function consistentValuesArb(input: ConsistencyInput = {}): fc.Arbitrary<ReportValues> {
  const resultRows = T3_RESULT_ROWS_2021;
  const columnArb = fc.record({
    results: fc.array(countArb, { minLength: resultRows.length, maxLength: resultRows.length }),
    carryOut: countArb,
    carryIn: countArb,
  });
  return fc
    .record({
      columns: fc.array(columnArb, {
        minLength: T3_APPLICANT_COLUMNS.length,
        maxLength: T3_APPLICANT_COLUMNS.length,
      }),
      t4: fc.array(fc.array(countArb, { minLength: 4, maxLength: 4 }), {
        minLength: T4_GROUPS.length,
        maxLength: T4_GROUPS.length,
      }),
      t2: fc.record({
        rulesMade: countArb,
        rulesRepealed: countArb,
        rulesValid: countArb,
        normativeMade: countArb,
        normativeRepealed: countArb,
        normativeValid: countArb,
        license: countArb,
        penalty: countArb,
        coercion: countArb,
        feesCents: fc.nat({ max: 10_000_000 }),
      }),
    })
    .map(({ columns, t4, t2 }) => {
      const values: Record<string, number> = {};
      const add = (key: string, n: number) => {
        values[key] = (values[key] ?? 0) + n;
      };
      T3_APPLICANT_COLUMNS.forEach((col, i) => {
        const column = columns[i] as (typeof columns)[number];
        let handled = 0;
        resultRows.forEach((row, j) => {
          const n = column.results[j] ?? 0;
          handled += n;
          add(`t3.${row}.${col}`, n);
          add(`t3.${row}.total`, n);
        });
        const carryIn = input.carryIn?.[col] ?? column.carryIn;
        // 一 = 三(七) + 四 − 二 must not be negative: carry more forward when 二 is large.
        const carryOut = Math.max(column.carryOut, carryIn - handled);
        const rows: [string, number][] = [
          ['totalHandled', handled],
          ['carryOut', carryOut],
          ['carryIn', carryIn],
          ['new', handled + carryOut - carryIn],
        ];
        for (const [row, n] of rows) {
          add(`t3.${row}.${col}`, n);
          add(`t3.${row}.total`, n);
        }
      });
      T4_GROUPS.forEach((group, i) => {
        const outcomes = t4[i] ?? [];
        T4_OUTCOMES.forEach((o, j) => {
          add(`t4.${group}.${o}`, outcomes[j] ?? 0);
        });
        add(
          `t4.${group}.total`,
          outcomes.reduce((a, b) => a + b, 0),
        );
      });
      const stock = (prev: number | undefined, made: number, repealed: number, fresh: number) =>
        prev === undefined ? fresh : Math.max(0, prev + made - repealed);
      const prev = input.previousValid;
      // Repeals beyond last year's stock are not possible: cap them so the stock identity holds.
      const rulesRepealed = prev
        ? Math.min(t2.rulesRepealed, prev.rules + t2.rulesMade)
        : t2.rulesRepealed;
      const normativeRepealed = prev
        ? Math.min(t2.normativeRepealed, prev.normative + t2.normativeMade)
        : t2.normativeRepealed;
      Object.assign(values, {
        't2.rules.made': t2.rulesMade,
        't2.rules.repealed': rulesRepealed,
        't2.rules.valid': stock(prev?.rules, t2.rulesMade, rulesRepealed, t2.rulesValid),
        't2.normative.made': t2.normativeMade,
        't2.normative.repealed': normativeRepealed,
        't2.normative.valid': stock(
          prev?.normative,
          t2.normativeMade,
          normativeRepealed,
          t2.normativeValid,
        ),
        't2.license.decisions': t2.license,
        't2.penalty.decisions': t2.penalty,
        't2.coercion.decisions': t2.coercion,
        't2.fees.amount': t2.feesCents / 100,
      });
      return { values };
    });
}

/** Checks the generator against the identities as the format declares them (a guard for the guard). */
export function brokenIdentities(values: Record<string, number>): string[] {
  const v = (k: string) => values[k] ?? Number.NaN;
  const sum = (keys: string[]) => keys.reduce((a, k) => a + v(k), 0);
  return FORMAT_2021.identities
    .filter((id) =>
      id.kind === 'sum' ? v(id.total) !== sum(id.parts) : sum(id.left) !== sum(id.right),
    )
    .map((id) => identityKeys(id).join(' '));
}

export interface PrintOptions {
  /** Print some zeros as blank or a dash, as many tables do. */
  blankZeros: boolean;
}

const COUNT_UNITS = ['件', '条', '项', '个'];

/** A count printed one of the ways reports print counts; parses back to `n`. */
export function printedCountArb(n: number, options: PrintOptions): fc.Arbitrary<string> {
  const digits = String(Math.abs(n));
  const body = fc
    .record({
      separator: fc.constantFrom('', ',', '，'),
      wide: fc.array(fc.boolean(), { maxLength: 4 }),
      unit: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, fc.constantFrom(...COUNT_UNITS)),
      sign: fc.constantFrom(...(n < 0 ? ['-', '－', '−', '减'] : ['', '', '+'])),
      padding: fc.tuple(spacingArb, spacingArb),
    })
    .map((p) => {
      const number =
        digits.length > 3 && p.separator ? thousands(digits).join(p.separator) : digits;
      return `${p.padding[0].join('')}${p.sign}${widen(number, p.wide)}${p.unit}${p.padding[1].join('')}`;
    });
  if (n !== 0 || !options.blankZeros) return body;
  return fc.oneof(body, fc.constantFrom('', '\u00a0', '—', '-', '/', '无'));
}

/** An amount in 万元 with up to two decimals, printed plain or with its unit. */
function printedAmountArb(amount: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('', '万元'), fc.constantFrom(0, 1, 2))
    .map(([unit, minDecimals]) => {
      const fixed = amount.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
      const decimals = fixed.split('.')[1]?.length ?? 0;
      return `${decimals < minDecimals ? amount.toFixed(minDecimals) : fixed}${unit}`;
    });
}

/** Printed text for every key of `values`. */
export function printedReportArb(
  values: Record<string, number>,
  options: PrintOptions,
): fc.Arbitrary<Record<string, string>> {
  const entries = Object.entries(values).map(
    ([key, n]) =>
      [key, key === 't2.fees.amount' ? printedAmountArb(n) : printedCountArb(n, options)] as const,
  );
  return fc.record(Object.fromEntries(entries));
}

/** Builds the report the extractor would produce from printed texts by key (tables 二, 三, 四). */
export function report2021(
  texts: Record<string, string>,
  identity: Partial<Report['identity']> = {},
): Report {
  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith(prefix)));
  return reportOf(
    [tableOf('t2', pick('t2.'), 0), tableOf('t3', pick('t3.'), 1), tableOf('t4', pick('t4.'), 2)],
    identity,
  );
}

export interface GeneratedReport {
  values: Record<string, number>;
  texts: Record<string, string>;
  report: Report;
}

/** A consistent 2021-format report, printed with the given options. */
export function consistentReportArb(
  options: PrintOptions,
  input: ConsistencyInput = {},
  identity: Partial<Report['identity']> = {},
): fc.Arbitrary<GeneratedReport> {
  return consistentValuesArb(input).chain(({ values }) =>
    printedReportArb(values, options).map((texts) => ({
      values,
      texts,
      report: report2021(texts, identity),
    })),
  );
}

/** Two consecutive years of one agency whose carry-over and document stocks agree. */
export const consistentPairArb = (
  options: PrintOptions,
): fc.Arbitrary<{ previous: GeneratedReport; current: GeneratedReport }> =>
  consistentReportArb(
    options,
    {},
    { year: 2022, publishedAt: '2023-01-20', title: '青山区2022年政府信息公开工作年度报告' },
  ).chain((previous) => {
    const carryIn = Object.fromEntries(
      T3_APPLICANT_COLUMNS.map((c) => [c, previous.values[`t3.carryOut.${c}`] ?? 0]),
    );
    const previousValid = {
      rules: previous.values['t2.rules.valid'] ?? 0,
      normative: previous.values['t2.normative.valid'] ?? 0,
    };
    return consistentReportArb(options, { carryIn, previousValid }).map((current) => ({
      previous,
      current,
    }));
  });
