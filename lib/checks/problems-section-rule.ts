/**
 * Section 五 (存在的主要问题及改进情况) missing or empty in a report of the
 * 2019/2021 formats (lib/checks/problems-section-data.ts): a warning, since
 * the format asks every body to state its problems and what it did about
 * them. Said only where the report's numbered headings were read.
 */
import { sectionOf } from '../narrative/sections';
import { defineRule } from './define-rule';
import { EMPTY_CONTENT, IGNORED_CHARS, PROBLEMS_HEADING } from './problems-section-data';
import { hasFixedSections, readSectionsOf, sectionName } from './shared/report-sections';
import type { RuleFinding } from './types';

export const problemsSectionRule = defineRule({
  id: 'problems-section',
  family: 'form',
  run({ report }): RuleFinding[] {
    const sections = readSectionsOf(report);
    if (!sections || !hasFixedSections(report)) return [];
    const format = report.identity.template;
    const problems = sectionOf(sections, 'problems');
    // A fifth section headed otherwise (五、下一步工作打算) may hold them: say nothing.
    const fifth = sections.find((s) => s.number === 5 && s.role === 'unknown');
    if (!problems && fifth === undefined) {
      return [
        {
          rule: 'form.problems-missing',
          severity: 'warning',
          message: `报告没有「${PROBLEMS_HEADING}」部分：${format}年格式要求报告本年度存在的主要问题和改进措施`,
          messageEn: `The report has no section “${PROBLEMS_HEADING}” (problems and improvements), which the ${format} format requires`,
          cells: [],
          terms: [],
          expected: PROBLEMS_HEADING,
          actual: null,
          arithmetic: `读到的部分：${sections
            .filter((s) => s.number > 0)
            .map(sectionName)
            .join('、')}`,
          arithmeticEn: `sections read: ${sections
            .filter((s) => s.number > 0)
            .map((s) => s.number)
            .join(', ')}`,
        },
      ];
    }
    if (!problems) return [];
    const content = problems.text.replace(IGNORED_CHARS, '');
    if (!EMPTY_CONTENT.test(content)) return [];
    const said = content === '' ? '没有内容' : `只写「${content}」`;
    const saidEn = content === '' ? 'is empty' : `says only “${content}”`;
    return [
      {
        rule: 'form.problems-empty',
        severity: 'warning',
        message: `「${sectionName(problems)}」${said}：${format}年格式要求报告本年度存在的主要问题和改进措施`,
        messageEn: `Section “${sectionName(problems)}” (problems and improvements) ${saidEn}; the ${format} format asks for the year's problems and the measures taken`,
        cells: [],
        terms: [],
        expected: null,
        actual: content,
        arithmetic: `「${sectionName(problems)}」正文：${content === '' ? '（空）' : content}`,
        arithmeticEn: `text of section “${sectionName(problems)}”: ${content === '' ? '(none)' : `“${content}”`}`,
      },
    ];
  },
});
