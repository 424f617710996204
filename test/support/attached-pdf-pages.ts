/**
 * Portal pages whose report is (also) attached as a PDF, for the in-page
 * 「检查附件 PDF」 (issue 17): the article of a report published as an
 * attachment — the report's title over little more than 「附件：….pdf」, in a
 * portal's chrome, as agencies post it — and a saved fixture page with the
 * attachment line its article would carry. Built from the same words the
 * tests check against, never by the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE_DIR = join(import.meta.dirname, '../fixtures');

export const ATTACHMENT_TITLE = '江州市自然资源和规划局2023年政府信息公开工作年度报告';

/**
 * A Hanweb-style article page: header and navigation, breadcrumb, the title
 * and date, a line of body text and the attachment line(s), then the footer
 * (with the portal's own 政府信息公开指南 link, which is no report PDF).
 */
export function attachmentArticleHtml(pdfHrefs: readonly string[]): string {
  const links = pdfHrefs
    .map(
      (href, i) =>
        `<p>附件${pdfHrefs.length > 1 ? i + 1 : ''}：<a href="${href}" target="_blank">${ATTACHMENT_TITLE}${i > 0 ? `（${i + 1}）` : ''}.pdf</a></p>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ArticleTitle" content="${ATTACHMENT_TITLE}">
<meta name="PubDate" content="2024-01-18 09:30">
<meta name="ColumnName" content="政府信息公开年报">
<title>${ATTACHMENT_TITLE}_江州市自然资源和规划局</title>
<style>
body{margin:0;font:14px/1.8 "Microsoft YaHei",sans-serif;color:#333;background:#f4f6f9}
.header{background:#0b4f9c;color:#fff;height:96px}
.header .inner,.nav .inner,.main,.footer .inner{width:1000px;margin:0 auto}
.header h2{margin:0;padding-top:28px;font-size:28px}
.nav{background:#0a3f7c}.nav a{color:#fff;margin-right:28px;line-height:40px;text-decoration:none}
.main{background:#fff;padding:20px 40px 40px;box-sizing:border-box;min-height:560px}
.crumb{color:#666;font-size:13px;border-bottom:1px solid #e5e5e5;padding-bottom:8px}
.article h1{text-align:center;font-size:22px;color:#0b4f9c;margin:28px 0 8px}
.article .info{text-align:center;color:#888;font-size:13px;border-bottom:1px dashed #ddd;padding-bottom:12px}
#zoom p{text-indent:2em}
.footer{background:#e9edf3;color:#666;font-size:12px;padding:16px 0;margin-top:20px}
</style></head>
<body>
<div class="header"><div class="inner"><h2>江州市自然资源和规划局</h2></div></div>
<div class="nav"><div class="inner"><a href="/">首页</a><a href="/col/col1/">机构概况</a><a href="/col/col2/">政务公开</a><a href="/col/col3/">政务服务</a><a href="/col/col4/">互动交流</a></div></div>
<div class="main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col2/">政务公开</a> &gt; <a href="/col/col2/ndbg/">政府信息公开年报</a></div>
<div class="article">
<h1>${ATTACHMENT_TITLE}</h1>
<div class="info">发布日期：2024-01-18　来源：江州市自然资源和规划局　浏览次数：128</div>
<div id="zoom">
<p>根据《中华人民共和国政府信息公开条例》规定，现将本局2023年政府信息公开工作年度报告予以公布，详见附件。</p>
${links}
</div>
</div>
</div>
<div class="footer"><div class="inner">主办单位：江州市自然资源和规划局　地址：江州市人民路88号　<a href="/col/col2/zfxxgkzn/">政府信息公开指南</a><br>网站标识码：3301000023　浙ICP备05012345号</div></div>
</body></html>`;
}

/**
 * A saved fixture page (test/fixtures/NAME.html) with an attachment line
 * 「附件：TITLE.pdf」 added at the end of its article (after `after`, the
 * last line of the article as the fixture prints it; the end of the body
 * when absent).
 */
export function fixtureWithAttachedPdf(name: string, pdfHref: string, after?: string): string {
  const html = readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
  const line = `<p style="text-indent:2em">附件：<a href="${pdfHref}">年度报告（PDF版）.pdf</a></p>`;
  if (after !== undefined) {
    if (!html.includes(after)) throw new Error(`${name} has no ${after}`);
    return html.replace(after, `${after}\n${line}`);
  }
  return html.replace('</body>', `${line}\n</body>`);
}
