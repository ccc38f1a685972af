// Reads a PDF's structure tree with pdf.js (pdfjs-dist), as Firefox's
// viewer and the screen readers that use it see it, and prints it as JSON:
//
//   {"title", "language", "pdfuaPart", "displayTitle",
//    "pages": [{"tree": node}]}
//
// where a node is {"role", "alt"?, "children": [node | {"text"}]} and the
// text of each marked-content sequence comes from the page's text content.
// agsreport's tests run it on every example PDF: node pdfstruct.mjs FILE
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node pdfstruct.mjs FILE.pdf");
  process.exit(2);
}
const data = new Uint8Array(await readFile(file));
const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const meta = await doc.getMetadata();
const prefs = await doc.getViewerPreferences?.() ?? null;
const out = {
  title: meta.info?.Title ?? "",
  language: meta.info?.Language ?? "",
  pdfuaPart: meta.metadata?.get("pdfuaid:part") ?? "",
  xmpTitle: meta.metadata?.get("dc:title") ?? "",
  displayTitle: prefs?.DisplayDocTitle ?? null,
  pages: [],
};
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  // Text of each marked-content sequence with an id, by id.
  const texts = new Map();
  const stack = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      stack.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      stack.pop();
    } else if (typeof item.str === "string") {
      const id = stack.findLast((x) => x !== null);
      if (id != null) {
        texts.set(id, (texts.get(id) ?? "") + item.str + (item.hasEOL ? " " : ""));
      }
    }
  }
  const convert = (node) => {
    if (node.type === "content") {
      return { text: texts.get(node.id) ?? "" };
    }
    const r = { role: node.role, children: (node.children ?? []).map(convert) };
    if (node.alt) r.alt = node.alt;
    return r;
  };
  const tree = await page.getStructTree();
  out.pages.push({ tree: tree ? convert(tree) : null });
}
process.stdout.write(JSON.stringify(out));
