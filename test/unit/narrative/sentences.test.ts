import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../lib/narrative/claims';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../lib/narrative/sentences';
import { pairs } from './support';

describe('splitSentences', () => {
  it('cuts at 。；！？ and line breaks, keeping each sentence as printed', () => {
    expect(
      splitSentences('一、概述\n  收到申请3件；答复3件。是否公开？ 已公开！\r\n\n结束'),
    ).toEqual(['一、概述', '收到申请3件；', '答复3件。', '是否公开？', '已公开！', '结束']);
  });

  it('keeps a closing quote or bracket with the sentence it ends', () => {
    expect(splitSentences('他说“已办结。”随后公开。')).toEqual(['他说“已办结。”', '随后公开。']);
  });

  it('agrees with the loop over characters it replaced, on random text', () => {
    const ENDS = new Set(['。', '；', '！', '？', ';', '!', '?']);
    const TAILS = new Set(['”', '’', '」', '』', '）', ')']);
    const byLoop = (text: string): string[] => {
      const out: string[] = [];
      const push = (part: string) => {
        const trimmed = part.trim();
        if (trimmed !== '') out.push(trimmed);
      };
      let start = 0;
      let i = 0;
      while (i < text.length) {
        const ch = text[i] ?? '';
        if (ch === '\n' || ch === '\r') {
          push(text.slice(start, i));
          i += 1;
          start = i;
        } else if (ENDS.has(ch)) {
          let end = i + 1;
          while (end < text.length && (ENDS.has(text[end] ?? '') || TAILS.has(text[end] ?? ''))) {
            end += 1;
          }
          push(text.slice(start, end));
          start = end;
          i = end;
        } else i += 1;
      }
      push(text.slice(start));
      return out;
    };
    const textArb = fc
      .array(fc.constantFrom(...'收到申请3件。；！？;!?”’」』）)\n\r 　“（', '答复', '\r\n'), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 30 })), (text) => {
        expect(splitSentences(text)).toEqual(byLoop(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('windows of a sentence longer than MAX_SENTENCE_CHARS', () => {
  it('reads a sentence up to MAX_SENTENCE_CHARS as one: 其中 at its start reaches its end', () => {
    const lead = '政府信息公开申请其中';
    const end = '收到申请3件。';
    const filler = '情况'.repeat(MAX_SENTENCE_CHARS);
    const sentence = `${lead}${filler.slice(0, MAX_SENTENCE_CHARS - lead.length - end.length)}${end}`;
    expect(sentence).toHaveLength(MAX_SENTENCE_CHARS);
    expect(pairs(sentence)).toEqual([]);
  });

  it('reads a longer one in windows cut at clause breaks, each a sentence of its own', () => {
    const filler = '依申请公开工作情况良好，'.repeat(MAX_SENTENCE_CHARS / 10);
    const sentence = `政府信息公开申请其中网上申请2件，${filler}收到申请3件。`;
    // The window holding the end starts after a comma, far from 其中.
    expect(pairs(sentence)).toEqual([
      ['channel.online', 2],
      ['received', 3],
    ]);
  });

  it('never cuts a number where no clause break is near', () => {
    const text = '收到政府信息公开申请4567件'.repeat(MAX_SENTENCE_CHARS / 4);
    const claims = extractClaims(text, { year: 2023 });
    expect(claims.length).toBeGreaterThan(1);
    expect(claims.every((c) => c.subject === 'received' && c.raw === '4567')).toBe(true);
  });
});
