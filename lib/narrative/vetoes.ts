/**
 * Phrases around a number that say it is not this year's figure for the
 * subject its phrase names, as data: last year's figures and changes, plans,
 * other matters received and answered in the same words (信箱, 建议提案…),
 * parts of a total (其中, 复议后起诉, 网站主动公开). Each veto prefers saying
 * nothing to a false alarm. The rules reading them are in counts.ts,
 * statements.ts and mentions.ts.
 */

/** The sentence (or one of the few before) is about disclosure requests. */
const DISCLOSURE_REQUEST = /信息(?:公开)?的?申请|依申请|公开申请|申请公开|信息公开/;
export const DISCLOSURE_REQUEST_ALL = new RegExp(DISCLOSURE_REQUEST.source, 'g');

/**
 * The agency acting as the review body or court party for others (司法局办理行政复议
 * 案件120件) or publishing decisions: not reviews of its own disclosure work.
 */
const GROUP_AS_HANDLER = /办理|受理|收到|审理(?!中)|决定书|文书|案卷|听证/;
export const GROUP_AS_HANDLER_ALL = new RegExp(GROUP_AS_HANDLER.source, 'g');

/** Other things that are received and answered: letters, proposals, hotlines, permits. */
const OTHER_MATTERS =
  /信箱|来信|信件|建议|提案|投诉|举报|咨询|热线|12345|办件|许可|审批|备案|(?<!申请|公开)事项|业务|信访|留言|问政|帖子|舆情|复议|诉讼/;
export const OTHER_MATTERS_ALL = new RegExp(OTHER_MATTERS.source, 'g');

const NOT_THE_ANSWERED_TOTAL = /按时|延期|逾期|超期|及时|平均/;
export const NOT_THE_ANSWERED_TOTAL_ALL = new RegExp(NOT_THE_ANSWERED_TOTAL.source, 'g');

/** 主动公开 through one channel (网站, 微博…) or by other bodies is not the total. */
export const ACTIVE_PART =
  /网站|微博|微信|公众号|报刊|报纸|杂志|电视|广播|媒体|平台|政务服务网|公报|客户端|APP|抖音|头条|企事业|其中/i;
/** Items published by public enterprises and institutions, not by the agency. */
export const OTHER_PUBLISHERS = /企事业/;
/** Several channels named together, or every kind of item: the figure is the total (lifts ACTIVE_PART). */
export const ACTIVE_TOTAL =
  /等(?:渠道|平台|方式|载体|途径)|各类|累计|共计|总计|[、和及](?:[^、，,]{0,12})(?:网站|微博|微信|公众号|公开栏|平台|客户端)/;

/** Litigation after review or without it: a part of the litigation total. */
const GROUP_PART = /复议后|经复议|直接起诉|未经复议/;
export const GROUP_PART_ALL = new RegExp(GROUP_PART.source, 'g');

/** Last year's figures and changes are not this year's counts. */
export const COMPARISON =
  /比上|较上|与上|[较比](?:19|20)\d\d|同比|环比|比去年|较去年|相比|增加|减少|增长|下降|上升|提高|降低|新增|增幅|降幅|持平|翻番/;
export const COMPARISON_ALL = new RegExp(COMPARISON.source, 'g');
export const PREVIOUS_YEAR = /上一?年|去年|前年|往年/;
export const PREVIOUS_YEAR_ALL = new RegExp(PREVIOUS_YEAR.source, 'g');

/** Targets and plans, not results. */
export const INTENTION = /力争|争取|计划|预计|目标|力求|确保|避免|防止|杜绝/;
export const INTENTION_ALL = new RegExp(INTENTION.source, 'g');

/**
 * Between subjects a list joins and their figure: the figure is not their sum.
 * 分别为31件、12件 and 各2件, 均为1件 give each its own; 不予公开、无法提供等20件 may
 * count categories the list leaves out.
 */
export const NOT_THEIR_SUM = /分别|各(?!类|项|种|级|部门|单位)|均|都|等/;

/** 除…外: a statement about the rest, not about all. */
export const EXCEPT_ALL = /除/g;

/** A year named in the text (2022年): a figure after it is that year's. */
export const YEAR_MENTION = /((?:19|20)\d{2})\s*年/g;
