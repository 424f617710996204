import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, normalizeLabel, toHalfWidth } from '../../../lib/text/normalise';
import { INVISIBLE, labelArb, spacedLabelArb, WHITESPACE, widen } from '../../support/arbitraries';

/** Labels as pages carry them, plus any Unicode at all. */
const anyLabelArb = fc.oneof(
  labelArb,
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

/** Variants of one punctuation mark that label matching treats as the same mark. */
const PUNCTUATION_VARIANTS: string[][] = [
  ['、', ',', '，', '﹐'],
  ['.', '．', '﹒', '·', '。'],
  [':', '：'],
  ['[', '［', '【', '〔'],
  [']', '］', '】', '〕'],
  ['-', '—', '–', '－', '‐', '——'],
];

/**
 * The definition normalizeLabel had as a chain of replacements, kept as the
 * oracle for its one-pass form: the canonical keys of every stored report
 * depend on it, so the two must agree on every string.
 */
function normalizeLabelByReplacements(s: string): string {
  return toHalfWidth(s)
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u3000]+/g, '')
    .replace(/[“”„‟"'‘’「」『』]/g, '')
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[、，,﹐]/g, '、')
    .replace(/[．﹒·•。]/g, '.')
    .replace(/[：:]/g, ':')
    .replace(/[—–－‐-]+/g, '-')
    .toLowerCase();
}

/** Every character a label rule names, with its neighbours in the code table. */
const RULE_UNITS = [
  ...'“”„‟"\'‘’「」『』〔［【〕］】、，,﹐．﹒·•。：:—–－‐-[]',
  ...WHITESPACE,
  ...INVISIBLE,
].flatMap((ch) => {
  const c = ch.charCodeAt(0);
  return [c - 1, c, c + 1].map((u) => String.fromCharCode(u));
});

describe('normalizeLabel on random labels', () => {
  it('agrees with the chain of replacements it replaced, on every BMP unit alone', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const ch = String.fromCharCode(unit);
      if (normalizeLabel(ch) !== normalizeLabelByReplacements(ch)) {
        expect(`U+${unit.toString(16)} → ${normalizeLabel(ch)}`).toBe(
          `U+${unit.toString(16)} → ${normalizeLabelByReplacements(ch)}`,
        );
      }
    }
  });

  it('agrees with the chain of replacements on random text, rule characters included', () => {
    const textArb = fc.oneof(
      anyLabelArb,
      fc
        .array(fc.oneof(fc.constantFrom(...RULE_UNITS), fc.constantFrom(...'本年A１Ｂ二')), {
          maxLength: 20,
        })
        .map((units) => units.join('')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        expect(normalizeLabel(text)).toBe(normalizeLabelByReplacements(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyLabelArb, (label) => {
        const once = normalizeLabel(label);
        expect(normalizeLabel(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not see the difference between full-width and half-width characters', () => {
    fc.assert(
      fc.property(
        labelArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        (label, mask) => {
          expect(normalizeLabel(widen(label, mask))).toBe(normalizeLabel(label));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('does not see whitespace, line breaks or invisible characters anywhere in a label', () => {
    fc.assert(
      fc.property(
        labelArb.chain((label) => spacedLabelArb(label).map((spaced) => [label, spaced] as const)),
        ([label, spaced]) => {
          expect(normalizeLabel(spaced)).toBe(normalizeLabel(label));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('does not see which variant of a list comma, dot, colon, bracket or dash was typed', () => {
    const variantArb = fc
      .array(
        fc.oneof(
          fc.constantFrom(...'本年新收予以公开三安全一稳定1二'),
          fc
            .constantFrom(...PUNCTUATION_VARIANTS.keys())
            .chain((i) =>
              fc.tuple(
                fc.constantFrom(...(PUNCTUATION_VARIANTS[i] as string[])),
                fc.constantFrom(...(PUNCTUATION_VARIANTS[i] as string[])),
              ),
            ),
        ),
        { maxLength: 12 },
      )
      .map((parts) => [
        parts.map((p) => (typeof p === 'string' ? p : p[0])).join(''),
        parts.map((p) => (typeof p === 'string' ? p : p[1])).join(''),
      ]);
    fc.assert(
      fc.property(variantArb, ([a, b]) => {
        expect(normalizeLabel(a as string)).toBe(normalizeLabel(b as string));
      }),
      { numRuns: 1000 },
    );
  });

  it('drops every quotation mark, straight or curly', () => {
    fc.assert(
      fc.property(labelArb, (label) => {
        expect(normalizeLabel(label)).not.toMatch(/[“”"'‘’「」『』＂＇]/);
      }),
      { numRuns: 500 },
    );
  });
});

/** toHalfWidth as a loop over code points, the oracle of its one-replacement form. */
function toHalfWidthByLoop(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

describe('toHalfWidth against the loop it replaced', () => {
  it('agrees on every BMP unit alone and on random text, astral characters included', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const ch = String.fromCharCode(unit);
      if (toHalfWidth(ch) !== toHalfWidthByLoop(ch))
        expect(toHalfWidth(ch)).toBe(toHalfWidthByLoop(ch));
    }
    fc.assert(
      fc.property(fc.oneof(anyLabelArb, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        expect(toHalfWidth(text)).toBe(toHalfWidthByLoop(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cleanText and toHalfWidth on random text', () => {
  const spacedTextArb = fc.oneof(
    anyLabelArb,
    anyLabelArb.chain((label) => spacedLabelArb(label)),
  );

  it('cleanText is idempotent', () => {
    fc.assert(
      fc.property(spacedTextArb, (text) => {
        const once = cleanText(text);
        expect(cleanText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('cleanText leaves no invisible characters, no edge spaces and single spaces between words', () => {
    fc.assert(
      fc.property(spacedTextArb, (text) => {
        const clean = cleanText(text);
        expect(clean).toBe(clean.trim());
        expect(clean).not.toMatch(/\s\s|[\n\t\u00a0\u3000]/);
        for (const ch of INVISIBLE) expect(clean).not.toContain(ch);
      }),
      { numRuns: 1000 },
    );
  });

  it('cleanText keeps the visible characters in their order', () => {
    fc.assert(
      fc.property(
        labelArb.chain((label) => spacedLabelArb(label).map((spaced) => [label, spaced] as const)),
        ([label, spaced]) => {
          const visible = (s: string) => [...s].filter((ch) => !WHITESPACE.join('').includes(ch));
          expect(visible(cleanText(spaced))).toEqual(visible(cleanText(label)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('toHalfWidth is idempotent and leaves no full-width ASCII', () => {
    fc.assert(
      fc.property(anyLabelArb, (text) => {
        const half = toHalfWidth(text);
        expect(toHalfWidth(half)).toBe(half);
        expect(half).not.toMatch(/[\uff01-\uff5e\u3000]/);
      }),
      { numRuns: 1000 },
    );
  });
});
