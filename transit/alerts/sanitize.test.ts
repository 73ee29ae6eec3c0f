import { describe, expect, it } from "vitest";
import { sanitizeAlertHtml } from "./sanitize";

const ALLOWED_TAGS = new Set(["p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "span", "a"]);

/** Every tag in the output with its attribute names (a plain scan, independent of the sanitizer). */
function tagsOf(html: string): Array<{ name: string; attrs: string[]; raw: string }> {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    // name, then an optional value: double-quoted, single-quoted or bare
    attrs: [...m[2].matchAll(/\s*([^\s=/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) =>
      a[1].toLowerCase(),
    ),
    raw: m[0],
  }));
}

function expectInert(html: string): void {
  for (const t of tagsOf(html)) {
    expect(ALLOWED_TAGS.has(t.name), `tag ${t.raw}`).toBe(true);
    for (const a of t.attrs) expect(["href", "rel"], `attribute ${a} in ${t.raw}`).toContain(a);
  }
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*img/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
}

describe("sanitizeAlertHtml", () => {
  it("makes the classic payloads inert and keeps the benign formatting", () => {
    const dirty =
      '<p>[A] trains are <b>delayed</b> <em>northbound</em></p><img src=x onerror="window.__pwned=1">' +
      "<script>window.__pwned=2</script><ul><li>Take the <strong>[C]</strong></li></ul>";
    const clean = sanitizeAlertHtml(dirty);
    expectInert(clean);
    expect(clean).not.toContain("__pwned");
    expect(clean).toBe(
      "<p>[A] trains are <b>delayed</b> <em>northbound</em></p><ul><li>Take the <strong>[C]</strong></li></ul>",
    );
  });

  it("keeps http(s) links, adds rel=noopener, drops other schemes and every other attribute", () => {
    const clean = sanitizeAlertHtml(
      '<a href="https://new.mta.info/x?a=1&amp;b=2" onclick="steal()" target="_blank" rel="opener">map</a> ' +
        '<a href="javascript:alert(1)">a</a> <a href="jav&#x61;script:alert(1)">b</a> ' +
        '<a href="data:text/html,<script>x</script>">c</a> <span style="x" class="y" onmouseover="z">s</span>',
    );
    expectInert(clean);
    expect(clean).toBe(
      '<a href="https://new.mta.info/x?a=1&amp;b=2" rel="noopener noreferrer">map</a> <a>a</a> <a>b</a> <a>c</a> <span>s</span>',
    );
  });

  it("drops unlisted tags but keeps their text; strips script and style bodies", () => {
    const clean = sanitizeAlertHtml(
      '<div><h1>Title</h1><iframe src="javascript:x"></iframe><style>p{}</style><SCRIPT>bad()</SCRIPT>Body<br/></div>',
    );
    expectInert(clean);
    expect(clean).toBe("TitleBody<br />");
  });

  it("keeps plain text (with a lone '<') as text, escaped", () => {
    expect(sanitizeAlertHtml("Trains every 5 < 8 minutes & more")).toBe(
      "Trains every 5 &lt; 8 minutes & more",
    );
    expect(sanitizeAlertHtml("No trains")).toBe("No trains");
  });

  it("defuses nested and unclosed tricks", () => {
    for (const dirty of [
      "<scr<script>ipt>alert(1)</script>",
      '<svg onload="alert(1)"><p>x</p></svg>',
      '<p title="a" onclick=alert(1)>x',
      '<a href=" javascript:alert(1)">x</a>',
      "<!--<script>x</script>--><p>ok</p>",
    ])
      expectInert(sanitizeAlertHtml(dirty));
  });
});
