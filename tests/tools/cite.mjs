// Renders CSL-JSON items with citeproc-js (through citation-js), as a reader's reference
// manager would. Input (stdin): {"styles": {name: path of a .csl file}, "items": [CSL-JSON],
// "cites": [{"style", "id", "locator"?, "label"?}]}. Output (stdout): for each cite, in order,
// {"citation": the note or in-text citation, "entry": the bibliography entry}, as HTML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Cite = require('citation-js');
const { plugins } = Cite;

const request = JSON.parse(readFileSync(0, 'utf8'));
const templates = plugins.config.get('@csl').templates;
for (const [name, path] of Object.entries(request.styles)) {
  templates.add(name, readFileSync(path, 'utf8'));
}

const answers = request.cites.map(({ style, id, locator, label }) => {
  const item = request.items.find((candidate) => candidate.id === id);
  const cite = new Cite([item]);
  const entry = cite.format('bibliography', { format: 'html', template: style, lang: 'en-US' });
  const citation = cite.format('citation', {
    format: 'html', template: style, lang: 'en-US',
    entry: [locator ? { id, locator, label: label || 'paragraph' } : { id }],
  });
  return { citation, entry };
});
process.stdout.write(JSON.stringify(answers));
