import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/message/escape.js';
import { htmlText } from '../../src/message/html-text.js';

// The page express's finalhandler sends for an error in development, byte for byte: the stack HTML-escaped,
// newlines as <br>, and each pair of spaces as ' &nbsp;'.
function finalhandlerPage(stack: string): string {
  const body = stack
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>')
    .replace(/ {2}/g, ' &nbsp;');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n' +
    `<body>\n<pre>${body}</pre>\n</body>\n</html>\n`
  );
}

const NGINX_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.25.3</center>
</body>
</html>
<!-- a padding to disable MSIE and Chrome friendly error page -->
<!-- a padding to disable MSIE and Chrome friendly error page -->
`;

const CLOUDFLARE_CHALLENGE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}</style>
<meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper" role="main">
<div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "example.com",cType: 'managed'};var a = 1 < 2 && "</div>";}());</script></body></html>`;

const IIS_404 = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
<style type="text/css">
<!--
body{margin:0;font-size:.7em;font-family:Verdana, Arial, Helvetica, sans-serif;background:#EEEEEE;}
-->
</style>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>`;

const DJANGO_DEBUG = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>ZeroDivisionError
          at /orders/7/</title>
  <style type="text/css">
    html * { padding:0; margin:0; }
  </style>
  <script>
    function hideAll(elems) { for (var e = 0; e < elems.length; e++) { elems[e].style.display = 'none'; } }
  </script>
</head>
<body>
<div id="summary">
  <h1>ZeroDivisionError
       at /orders/7/</h1>
  <pre class="exception_value">division by zero</pre>
  <table class="meta">
    <tr>
      <th scope="row">Request Method:</th>
      <td>GET</td>
    </tr>
    <tr>
      <th scope="row">Request URL:</th>
      <td>http://127.0.0.1:8000/orders/7/</td>
    </tr>
    <tr>
      <th scope="row">Exception Location:</th>
      <td><span class="fname">/app/shop/views.py</span>, line 12, in detail</td>
    </tr>
  </table>
</div>
</body>
</html>`;

describe('htmlText over real error pages', () => {
  it("reads express's finalhandler page: the title apart, the stack line by line with its indentation", () => {
    const stack =
      'Error: boom <b>\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\n    at next (/app/node_modules/express/lib/router/route.js:149:13)';
    expect(htmlText(finalhandlerPage(stack), 10_000)).toEqual({
      title: 'Error',
      lines: [
        'Error: boom <b>',
        '    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at next (/app/node_modules/express/lib/router/route.js:149:13)',
      ],
      truncated: false,
    });
  });

  it("reads nginx's page without its padding comments", () => {
    expect(htmlText(NGINX_502, 10_000)).toEqual({
      title: '502 Bad Gateway',
      lines: ['502 Bad Gateway', 'nginx/1.25.3'],
      truncated: false,
    });
  });

  it("reads Cloudflare's challenge page: the noscript advice, no CSS, no script (even one holding '</div>')", () => {
    expect(htmlText(CLOUDFLARE_CHALLENGE, 10_000)).toEqual({
      title: 'Just a moment...',
      lines: ['Enable JavaScript and cookies to continue'],
      truncated: false,
    });
  });

  it("reads IIS's page, whose style hides its CSS in an HTML comment", () => {
    expect(htmlText(IIS_404, 10_000)).toEqual({
      title: '404 - File or directory not found.',
      lines: [
        'Server Error',
        '404 - File or directory not found.',
        'The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.',
      ],
      truncated: false,
    });
  });

  it("reads Django's debug page: a multi-line title collapsed, table cells side by side", () => {
    expect(htmlText(DJANGO_DEBUG, 10_000)).toEqual({
      title: 'ZeroDivisionError at /orders/7/',
      lines: [
        'ZeroDivisionError at /orders/7/',
        'division by zero',
        'Request Method: GET',
        'Request URL: http://127.0.0.1:8000/orders/7/',
        'Exception Location: /app/shop/views.py, line 12, in detail',
      ],
      truncated: false,
    });
  });
});

describe('htmlText decoding', () => {
  it('decodes named, decimal and hexadecimal references, and leaves unknown ones as written', () => {
    expect(
      htmlText(
        '<p>&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; &#x263A; &#128512; &hellip; &bogus; &constructor; AT&T</p>',
        200,
      ).lines,
    ).toEqual(['<a> & "b" \'c\' ☺ 😀 … &bogus; &constructor; AT&T']);
  });

  it('decodes &#27; to ESC, which the escaper then shows as \\x1b: nothing reaches the log raw', () => {
    const { lines } = htmlText('<pre>&#27;[8mhidden&#x1b;[0m &#x202E;abc &#0; &#xD83D; &#1114112;</pre>', 200);
    expect(lines).toEqual(['\u001b[8mhidden\u001b[0m \u202eabc \ufffd \ufffd \ufffd']);
    expect(escapeText(lines.join('\n'))).toBe('\\x1b[8mhidden\\x1b[0m \\u202eabc \ufffd \ufffd \ufffd');
  });

  it('decodes references to C1 codes as windows-1252 characters, as browsers do (&#155; is ›, not CSI)', () => {
    expect(htmlText('&#155;&#128;&#150;&#x81;', 200).lines).toEqual(['›€–\u0081']);
    expect(escapeText(htmlText('&#x81;', 200).lines.join(''))).toBe('\\x81');
  });

  it('collapses whitespace outside <pre>, keeps it inside, and drops blank lines', () => {
    expect(htmlText('  a \n\t b  <div>  </div>\n\n<p> c </p><pre>  d\n\n  e  </pre>', 200).lines).toEqual([
      'a b',
      'c',
      '  d',
      '  e',
    ]);
  });

  it('shows a lone < as text and drops an unterminated tag, as a browser does', () => {
    expect(htmlText('1 < 2 <3> <b>bold</b><i unfinished', 200).lines).toEqual(['1 < 2 <3> bold']);
  });
});

describe('htmlText limits', () => {
  it('caps the lines at maxChars in total, counting the newlines between them, and says so', () => {
    const result = htmlText('<p>first line</p><p>second line</p><p>third</p>', 20);
    expect(result).toEqual({ lines: ['first line', 'second li'], truncated: true });
    expect(result.lines.join('\n').length).toBeLessThanOrEqual(20);
  });

  it('never splits an emoji at the cap', () => {
    expect(htmlText('ab😀', 3)).toEqual({ lines: ['ab'], truncated: true });
  });

  it('finishes on a megabyte of hostile markup (linear: no re-scan from every < or &)', () => {
    const mb = 1 << 20;
    const hostile = [
      '<'.repeat(mb),
      '<a '.repeat(mb / 3),
      '<a title="'.repeat(mb / 10),
      '&'.repeat(mb),
      '&#'.repeat(mb / 2),
      '<!--'.repeat(mb / 4),
      '<script>'.repeat(mb / 8),
      '<title>'.repeat(mb / 7),
      '</'.repeat(mb / 2),
      '<p>'.repeat(mb / 3),
    ];
    for (const html of hostile) {
      // A cap larger than the input: nothing stops the scan early.
      const { lines } = htmlText(html, 2 * mb);
      expect(lines.join('\n').length).toBeLessThanOrEqual(html.length);
    }
    expect(htmlText('<'.repeat(mb), 2 * mb).lines).toEqual(['<'.repeat(mb)]);
    expect(htmlText('<a '.repeat(mb / 3), 2 * mb).lines).toEqual([]);
  });
});
