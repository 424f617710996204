/**
 * Section 五 of the 2019/2021 formats, as data. Both formats fix six
 * sections, and 五、存在的主要问题及改进情况 asks for the year's problems, the
 * measures taken, and (2021) how last year's measures were carried out;
 * legacy reports had no fixed section list, so the rule reads only reports
 * of a fixed format.
 */

/** The heading as the formats print it, for the message. */
export const PROBLEMS_HEADING = '五、存在的主要问题及改进情况';

/**
 * What leaves the section empty once spaces and punctuation are dropped:
 * nothing, or a bare 「无」.
 */
export const EMPTY_CONTENT = /^(?:无|暂无|没有|无此项|无此情况|无相关情况|本年度无|略)?$/;

export const IGNORED_CHARS = /[\s，,、。．.；;：:！!？?（）()]/g;
