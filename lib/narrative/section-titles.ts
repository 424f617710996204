/**
 * Data: how the numbered sections of a report are headed, and where the
 * report's text ends. Read by sections.ts; imports nothing.
 */
import type { SectionRole } from '../model/report';

/**
 * A heading's number and the rest of its line: 一、 to 十九、 at the start of
 * a line (、 or a full stop after the numeral, spaces allowed around it).
 */
export const HEADING_NUMBER = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*/;

/** The longest heading read as a line of its own (六、其他需要报告的事项 has 10 characters). */
export const MAX_HEADING_CHARS = 30;

/**
 * What a heading is about, by the words it uses, first match wins. The
 * 2019/2021 formats print six fixed headings; legacy reports word theirs
 * freely (一、概述, 三、依申请公开办理情况, 七、存在的不足和改进措施…), so
 * these are the words every variant of the seeds and fixtures shares.
 */
export const SECTION_ROLES: readonly { role: SectionRole; words: RegExp }[] = [
  { role: 'other', words: /其他需要报告|其它需要报告/ },
  { role: 'problems', words: /问题|不足|改进/ },
  { role: 'appeals', words: /复议|诉讼/ },
  { role: 'fees', words: /收费/ },
  { role: 'overview', words: /总体情况|概述|概况/ },
  { role: 'requests', words: /依申请|收到和处理/ },
  { role: 'active', words: /主动公开/ },
];

/**
 * The fixed headings of the 2019/2021 formats, read where the heading runs
 * on into its paragraph (<p><b>一、总体情况</b>2023年，…</p>), and trusted
 * after an inner list has restarted its numbering (see sections.ts).
 */
export const FIXED_HEADINGS: readonly RegExp[] = [
  /^总体情况/,
  /^主动公开政府信息(?:的)?情况/,
  /^收到和处理政府信息公开申请(?:的)?情况/,
  /^政府信息公开行政复议[、和及]?行政诉讼(?:的)?情况/,
  /^存在的主要问题(?:及|和|与)改进(?:情况|措施)/,
  /^其[他它]需要报告的事项/,
];

/**
 * Lines after which the report's text is over: the date under the signature
 * (2024年1月18日) and the portal's chrome below an article read from the
 * whole page (打印 关闭, 主办：…). The last section ends there.
 */
export const TEXT_END =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|[【[]?(?:打印|关闭|主办|承办|版权所有|网站标识码|分享到|扫一扫|上一篇|下一篇|相关链接))/;
