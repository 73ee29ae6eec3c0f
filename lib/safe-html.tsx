/**
 * Alert HTML arrives sanitized by the server; the page still never hands it
 * to innerHTML. It is parsed in an inert document (DOMParser runs no script
 * and loads no image) and rebuilt as React elements from an allow-list of
 * formatting tags: anything else becomes its text, attributes other than a
 * plain http(s) link are dropped. Two locks on the same door.
 */
import { createElement, Fragment, type ReactNode } from "react";

const ALLOWED = new Set(["p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "span"]);
const DROP_WITH_CONTENT = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "svg",
  "math",
]);
const SAFE_HREF = /^https?:\/\/[^\s"'<>`]+$/i;

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROP_WITH_CONTENT.has(tag)) return null;
  const children = Array.from(el.childNodes, (c, i) => convert(c, i));
  if (tag === "a") {
    const href = el.getAttribute("href")?.trim() ?? "";
    if (SAFE_HREF.test(href))
      return createElement("a", { key, href, rel: "noopener noreferrer", target: "_blank" }, ...children);
    return createElement(Fragment, { key }, ...children);
  }
  if (ALLOWED.has(tag))
    return tag === "br" ? createElement("br", { key }) : createElement(tag, { key }, ...children);
  return createElement(Fragment, { key }, ...children);
}

/** React nodes for sanitized alert HTML; the plain text where there is no DOM (server rendering). */
export function safeHtml(html: string | null, fallbackText: string | null): ReactNode {
  if (!html) return fallbackText;
  if (typeof DOMParser === "undefined") return fallbackText ?? html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  return Array.from(doc.body.childNodes, (c, i) => convert(c, i));
}
