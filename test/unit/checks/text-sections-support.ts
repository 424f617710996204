/**
 * Reports for the rules that read the narrative's sections: a small report
 * (test/support/report-builder.ts) with the sections the extractor would
 * read from its text.
 */
import type { ExtractedTable, Report } from '../../../lib/model/report';
import { readSections } from '../../../lib/narrative/sections';
import { reportOf } from '../../support/report-builder';

export function reportWithText(
  text: string[],
  identity: Partial<Report['identity']> = {},
  tables: ExtractedTable[] = [],
): Report {
  return { ...reportOf(tables, identity), sections: readSections(text.join('\n')) };
}

/** The six headings of the 2019/2021 formats, each followed by its paragraphs. */
export function sixSections(parts: {
  preamble?: string[];
  overview?: string[];
  problems?: string[] | null;
  other?: string[] | null;
}): string[] {
  return [
    ...(parts.preamble ?? ['本报告根据《中华人民共和国政府信息公开条例》编制。']),
    '一、总体情况',
    ...(parts.overview ?? ['2023年，我局认真贯彻落实《条例》，持续推进政务公开。']),
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    ...(parts.problems === null
      ? []
      : ['五、存在的主要问题及改进情况', ...(parts.problems ?? ['一是政策解读形式单一。'])]),
    ...(parts.other === null
      ? []
      : [
          `${parts.problems === null ? '五' : '六'}、其他需要报告的事项`,
          ...(parts.other ?? ['本年度未收取信息处理费。']),
        ]),
  ];
}
