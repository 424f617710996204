/**
 * A portal page (Hanweb-style #zoom article) of a report in the hypothetical
 * 2025 format of registry.test.ts: the 2021 tables, and table 三 with one row
 * more, 五、本年度撤回的申请数量. Every applicant column but 自然人 is zero.
 */

/** Figures of the 自然人 column of table 三, by row label; the 总计 column repeats them. */
export type NaturalColumn = Record<string, number>;

const t3Row = (labelCells: string, n: number): string =>
  `<tr>${labelCells}<td>${n}</td>${'<td>0</td>'.repeat(5)}<td>${n}</td></tr>`;

const RESULT_ROWS: [string, string][] = [
  ['（三）不予公开', '1.属于国家秘密'],
  ['', '2.其他法律行政法规禁止公开'],
  ['', '3.危及“三安全一稳定”'],
  ['', '4.保护第三方合法权益'],
  ['', '5.属于三类内部事务信息'],
  ['', '6.属于四类过程性信息'],
  ['', '7.属于行政执法案卷'],
  ['', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '2.没有现成信息需要另行制作'],
  ['', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['', '2.重复申请'],
  ['', '3.要求提供公开出版物'],
  ['', '4.无正当理由大量反复申请'],
  ['', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '3.其他'],
];
const GROUP_SPANS: Record<string, number> = {
  '（三）不予公开': 8,
  '（四）无法提供': 3,
  '（五）不予处理': 5,
  '（六）其他处理': 3,
};

function table3(v: NaturalColumn): string {
  const n = (label: string) => v[label] ?? 0;
  const results = RESULT_ROWS.map(([group, item]) => {
    const groupCell = group ? `<td rowspan="${GROUP_SPANS[group]}">${group}</td>` : '';
    return t3Row(`${groupCell}<td>${item}</td>`, n(item));
  }).join('\n');
  return `<table border="1" cellspacing="0">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${t3Row('<td colspan="3">一、本年新收政府信息公开申请数量</td>', n('一'))}
${t3Row('<td colspan="3">二、上年结转政府信息公开申请数量</td>', n('二'))}
${t3Row('<td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>', n('（一）'))}
${t3Row('<td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>', n('（二）'))}
${results}
${t3Row('<td colspan="2">（七）总计</td>', n('（七）'))}
${t3Row('<td colspan="3">四、结转下年度继续办理</td>', n('四'))}
${t3Row('<td colspan="3">五、本年度撤回的申请数量</td>', n('五'))}
</table>`;
}

const TABLE_2 = `<table border="1" cellspacing="0">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>15</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">120</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">35</td></tr>
<tr><td>行政强制</td><td colspan="3">4</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">0</td></tr>
</table>`;

const OUTCOMES =
  '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>';
const TABLE_4 = `<table border="1" cellspacing="0">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${OUTCOMES.replaceAll('<td>', '<td rowspan="2">')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${OUTCOMES}${OUTCOMES}</tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>${'<td>0</td>'.repeat(10)}</tr>
</table>`;

/** The page; `natural` gives table 三's figures by row (一, 二, （一）…, 五, or an item's own label). */
export function page2025(natural: NaturalColumn): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>青山区2025年政府信息公开工作年度报告</title>
<meta name="ArticleTitle" content="青山区2025年政府信息公开工作年度报告">
<meta name="PubDate" content="2026-01-20 09:30">
<meta name="ContentSource" content="青山区人民政府办公室">
</head><body>
<div class="header"><a href="/">青山区人民政府</a> &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article"><h1>青山区2025年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2026-01-20 来源：青山区人民政府办公室</div>
<div id="zoom">
<p>本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2025年1月1日起至2025年12月31日止。</p>
<p>一、总体情况</p>
<p>2025年，青山区坚持以公开为常态、不公开为例外，持续推进政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p>
${TABLE_2}
<p>三、收到和处理政府信息公开申请情况</p>
${table3(natural)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${TABLE_4}
<p>五、存在的主要问题及改进情况</p>
<p>政策解读的形式仍较单一，下一步将丰富图解、视频等解读形式。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
</div></div></body></html>`;
}
