/**
 * Allow-list sanitizer for the alerts feed's "en-html" texts: only harmless
 * formatting reaches a page.
 *
 * Why `xss` (js-xss) 1.0.17: it is maintained (releases through 2026) and its
 * current release runs on Node 20 (engines ">= 0.10.0"), so security fixes
 * keep arriving without a runtime upgrade. sanitize-html was the other
 * candidate, but its releases since 2.17.6 require Node >= 22.12 (they moved
 * to htmlparser2 12): staying on Node 20 would freeze it at 2.17.5 and forgo
 * its later fixes. js-xss is allow-list based (tags and attributes not listed
 * are dropped), has no native code, and ships its own typings.
 */
import { FilterXSS, type IWhiteList } from "xss";

/** Formatting tags; only <a> has an attribute, href, and only http(s). */
const ALLOWED: IWhiteList = {
  p: [],
  br: [],
  b: [],
  strong: [],
  i: [],
  em: [],
  ul: [],
  ol: [],
  li: [],
  span: [],
  a: ["href"],
};

/**
 * The scheme is decided by the literal prefix: a value that starts with
 * "http://" or "https://" cannot be turned into javascript: by entities later
 * in it. Quotes, angle brackets, backticks and spaces are refused so the value
 * can be re-emitted inside double quotes as is.
 */
const SAFE_HREF = /^https?:\/\/[^\s"'<>`]+$/i;

/** What HTML reads as the start of a tag, comment or declaration. */
const TAG_START = /^<[/!?]?[a-z]/i;

const escapeText = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;");

const filter = new FilterXSS({
  whiteList: ALLOWED,
  // Tags outside the list are removed (their text is kept, escaped), except
  // these, whose content is code or markup, not text.
  stripIgnoreTagBody: ["script", "style", "template", "noscript"],
  onIgnoreTag(_tag, html) {
    // A "<" not followed by a tag name ("5 < 6") is text in HTML: keep it, escaped.
    return TAG_START.test(html) ? "" : escapeText(html);
  },
  stripBlankChar: true,
  css: false,
  onTagAttr(tag, name, value) {
    if (tag !== "a" || name !== "href") return undefined; // not listed: dropped by the allow-list
    const href = value.trim();
    // "" drops the attribute; rel keeps a followed link from reaching back into the page.
    return SAFE_HREF.test(href) ? `href="${href}" rel="noopener noreferrer"` : "";
  },
});

/** Sanitized HTML, safe to set as innerHTML; "" for an empty input. */
export function sanitizeAlertHtml(html: string): string {
  return filter.process(html);
}
