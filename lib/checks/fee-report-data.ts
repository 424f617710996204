/**
 * 信息处理费 in section 六, as data. The 2021 format (国办公开办函〔2021〕30号)
 * asks section 六、其他需要报告的事项 to report the 信息处理费 charged under the
 * 《政府信息公开信息处理费管理办法》 (in force from 2021); the 2019 format asked
 * nothing of the kind, so only 2021-format reports are read.
 */

/** Formats whose section 六 must report the 信息处理费. */
export const FEE_REPORT_FORMATS: ReadonlySet<string> = new Set(['2021']);

/** Section 六 speaks of the fee (charged, waived or none) when it names it. */
export const FEE_WORDS = /信息处理费|处理费/;

/** A 信息处理费 with its amount, stated elsewhere in the text: the fee was charged. */
export const FEE_AMOUNT =
  /信息处理费[^。；]{0,12}?\d+(?:\.\d+)?\s*(?:元|万元)|(?:收取|收缴|缴纳)[^。；]{0,8}?\d+(?:\.\d+)?\s*(?:元|万元)[^。；]{0,6}?信息处理费/;

/** Table 二's 行政事业性收费 amount (万元): fees of the body, not necessarily 信息处理费. */
export const ADMIN_FEES_KEY = 't2.fees.amount';

/** Table 三's requests dropped for a fee notice not paid: the body billed 信息处理费. */
export const UNPAID_FEE_ROW = 't3.other.noFee';
