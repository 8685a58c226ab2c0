// Anchors Web Annotation targets on built pages with Apache Annotator, as a reader's tool would.
// Input (stdin): [{"id", "page": path of the HTML file, "selector": [FragmentSelector refined by
// a TextQuote or TextPosition selector, ...]}]. Output (stdout): for each annotation, what each
// selector anchored to (the text of the range found, its offsets in the element), or null.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import {
  createTextQuoteSelectorMatcher,
  createTextPositionSelectorMatcher,
  describeTextPosition,
} from '@apache-annotator/dom';

const MATCHERS = {
  TextQuoteSelector: createTextQuoteSelectorMatcher,
  TextPositionSelector: createTextPositionSelectorMatcher,
};

// Apache Annotator runs in a browser and reads these as globals; jsdom's are the same constants.
const { window } = new JSDOM('');
Object.assign(globalThis, { NodeFilter: window.NodeFilter, Node: window.Node, Range: window.Range });

const documents = new Map();
function documentOf(page) {
  if (!documents.has(page)) {
    // No scripts run, nothing is fetched: the page as its HTML has it.
    documents.set(page, new JSDOM(readFileSync(page, 'utf8')).window.document);
  }
  return documents.get(page);
}

const copies = new Map();
function ownDocument(page, element) {
  const key = `${page}#${element.id}`;
  if (!copies.has(key)) {
    const alone = element.ownerDocument.implementation.createHTMLDocument('');
    copies.set(key, alone.body.appendChild(alone.importNode(element, true)));
  }
  return copies.get(key);
}

async function anchor(item, selector) {
  if (selector.type !== 'FragmentSelector') return { error: `unexpected ${selector.type}` };
  const found = documentOf(item.page).getElementById(selector.value);
  if (!found) return { fragment: false };
  // The refinement is matched in the element found, as in the page, but in a document of its
  // own (made once per element; matching changes nothing in it): jsdom places each range
  // boundary from the document's root, which made a page take seconds.
  const element = ownDocument(item.page, found);
  const refinement = selector.refinedBy;
  const matches = [];
  for await (const range of MATCHERS[refinement.type](refinement)(element)) {
    const position = await describeTextPosition(range, element);
    matches.push({ text: range.toString(), start: position.start, end: position.end });
    if (matches.length > 1) break;
  }
  return { fragment: true, type: refinement.type, matches };
}

const items = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const item of items) {
  const anchored = [];
  for (const selector of item.selector) anchored.push(await anchor(item, selector));
  results.push({ id: item.id, anchored });
}
process.stdout.write(JSON.stringify(results));
