/** Words the workbook shows, Chinese first (the reports' language), then English. */
import type { Severity } from '../../model/report';

export const SHEET_NAMES = {
  summary: '概要 Summary',
  findings: '问题 Findings',
  yearOverYear: '同比 Year over year',
} as const;

/** Same words as the memo (错误/警告/提示), with the ids the CSV and JSON use. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误 error',
  warning: '警告 warning',
  info: '提示 info',
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
