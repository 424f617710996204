/**
 * The words that make a title a report's title, matched without regular
 * expressions. Detection runs on every .gov.cn page, in a fresh script world
 * where the first pattern executed costs about 0.15 ms and each new one
 * more: a third of the page's whole detection budget. These loops agree with
 * the patterns they replace (the patterns stay as their specification, in
 * test/unit/page/report-title.property.test.ts). Every function takes text that
 * lib/text/normalise.ts normalizeLabel has normalised: no whitespace, half-width
 * digits.
 */

/** The report phrase as a pattern, for callers that build other patterns from it. */
export const REPORT_PHRASE = /(信息公开|政务公开)(工作)?(年度)?(工作)?(报告|年报)/;

const PHRASE_SUBJECTS = ['信息公开', '政务公开'];
const PHRASE_ENDINGS = ['报告', '年报'];

/** The report phrase at `at`: a subject, then 工作, 年度, 工作 each optional, then 报告 or 年报. */
function phraseAt(text: string, at: number): boolean {
  let next = at + 4;
  if (text.startsWith('工作', next)) next += 2;
  if (text.startsWith('年度', next)) next += 2;
  if (text.startsWith('工作', next)) next += 2;
  return PHRASE_ENDINGS.some((ending) => text.startsWith(ending, next));
}

/**
 * REPORT_PHRASE.test(text). Taking an optional word never loses a match: the
 * endings start with neither 工作 nor 年度, so no backtracking is needed.
 */
export function hasReportPhrase(text: string): boolean {
  for (const subject of PHRASE_SUBJECTS) {
    for (let at = text.indexOf(subject); at !== -1; at = text.indexOf(subject, at + 1)) {
      if (phraseAt(text, at)) return true;
    }
  }
  return false;
}

const isDigit = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
};

/** A year: `2023年` (19xx or 20xx) or 年度. */
export function mentionsYear(text: string): boolean {
  if (text.includes('年度')) return true;
  for (let at = text.indexOf('年'); at !== -1; at = text.indexOf('年', at + 1)) {
    if (at < 4) continue;
    const century = text.slice(at - 4, at - 2);
    if ((century === '19' || century === '20') && isDigit(text, at - 2) && isDigit(text, at - 1)) {
      return true;
    }
  }
  return false;
}

/**
 * Pages that carry the phrase but are not a report: notices about compiling
 * reports, training, explainers, the format itself. Kept narrow, because
 * real titles contain words such as 编制 (机构编制委员会办公室).
 */
const NOT_A_REPORT_WORDS = [
  '的通知',
  '的通报',
  '培训',
  '召开',
  '部署',
  '图解',
  '解读',
  '一图',
  '读懂',
  '图说',
  '答记者问',
  '格式》',
  '报告格式',
  '情况通报',
  '评估报告',
  '第三方评估',
];
/** A circular (通报), such as the results of checking the reports, reads like a notice. */
const NOT_A_REPORT_ENDINGS = ['通知', '通报', '工作会', '工作会议'];
/** 做好……编制工作 and the like: a task about reports, within a few characters. */
const TASK_VERBS = ['做好', '开展', '完成', '推进', '规范'];
const TASK_OBJECTS = ['编制工作', '发布工作', '报送工作'];
const TASK_GAP = 12;

function hasTaskAbout(text: string): boolean {
  for (const verb of TASK_VERBS) {
    for (let at = text.indexOf(verb); at !== -1; at = text.indexOf(verb, at + 1)) {
      const from = at + verb.length;
      const stop = text.indexOf('。', from);
      const last = Math.min(from + TASK_GAP, stop === -1 ? text.length : stop);
      for (let gap = from; gap <= last; gap++) {
        if (TASK_OBJECTS.some((object) => text.startsWith(object, gap))) return true;
      }
    }
  }
  return false;
}

/** A notice, explainer or meeting about reports rather than a report. */
export function isAboutReports(text: string): boolean {
  return (
    NOT_A_REPORT_WORDS.some((word) => text.includes(word)) ||
    NOT_A_REPORT_ENDINGS.some((ending) => text.endsWith(ending)) ||
    hasTaskAbout(text)
  );
}

/** Column names and titles of the pages that list reports. */
const LISTING_WORDS = ['年报', '年度报告', '信息公开', '政务公开'];

export function hasListingWord(text: string): boolean {
  return LISTING_WORDS.some((word) => text.includes(word));
}
