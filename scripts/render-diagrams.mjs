#!/usr/bin/env node
// Renders every processes/*.bpmn to docs/diagrams/<name>.png with bpmn-js (NavigatedViewer) in
// headless Debian Chromium driven by playwright-core. No browser is downloaded: Chromium must be at
// /usr/bin/chromium (or $CHROMIUM). Fails, naming the file, on a model without diagram interchange
// (no BPMNDiagram/BPMNPlane, or flow elements that have no shape/edge to draw).
//
//   npm run render:diagrams                                 # every processes/*.bpmn -> docs/diagrams/
//   node scripts/render-diagrams.mjs [--out DIR] [FILE...]  # chosen models, chosen folder
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MARGIN = 30; // px of white around the diagram
const SCALE = 2; // device pixels per CSS pixel: sharp text when the README shrinks the picture

const require = createRequire(import.meta.url);
const BPMN_JS = dirname(require.resolve('bpmn-js/package.json'));
const VIEWER = join(BPMN_JS, 'dist/bpmn-navigated-viewer.production.min.js');
const STYLES = [join(BPMN_JS, 'dist/assets/diagram-js.css'), join(BPMN_JS, 'dist/assets/bpmn-js.css')];

function parseArgs(argv) {
  let out = join(ROOT, 'docs/diagrams');
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i]);
    else files.push(resolve(argv[i]));
  }
  if (files.length === 0) {
    const dir = join(ROOT, 'processes');
    files.push(...readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(dir, f)));
  }
  return { out, files };
}

// Runs in the page: imports the model, checks its DI, sizes the page to the diagram. Returns
// { error } or { width, height } (the diagram's bounding box in CSS pixels).
async function importAndCheck(xml) {
  const viewer = new window.BpmnJS({ container: '#canvas' });
  window.viewer = viewer;
  try {
    await viewer.importXML(xml);
  } catch (e) {
    return { error: e.message };
  }
  const registry = viewer.get('elementRegistry');
  const missing = [];
  let drawable = 0;
  const visit = (container) => {
    for (const element of container.flowElements || []) {
      if (element.$instanceOf('bpmn:DataObject')) continue; // has no DI of its own
      drawable++;
      if (!registry.get(element.id)) missing.push(element.id);
      if (element.$instanceOf('bpmn:SubProcess')) visit(element);
    }
  };
  const roots = viewer.getDefinitions().rootElements || [];
  roots.filter((r) => r.$instanceOf('bpmn:Process')).forEach(visit);
  if (drawable === 0) return { error: 'no flow elements to draw' };
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, … (${missing.length} in all)` : '');
    return { error: `${missing.length} of ${drawable} flow elements have no shape or edge in the diagram: ${shown}` };
  }
  const box = viewer.get('canvas').viewbox().inner;
  return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
}

async function render(context, file, out) {
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>'
      + 'html,body{margin:0;padding:0;background:#fff;overflow:hidden}'
      + '#canvas{width:100vw;height:100vh;background:#fff}'
      + '</style></head><body><div id="canvas"></div></body></html>');
    for (const path of STYLES) await page.addStyleTag({ path });
    await page.addScriptTag({ path: VIEWER });
    const result = await page.evaluate(importAndCheck, readFileSync(file, 'utf8'));
    if (result.error) {
      throw new Error(`${basename(file)}: missing diagram interchange (BPMNDiagram/BPMNPlane with a shape or edge per flow element): ${result.error}`);
    }
    await page.setViewportSize({ width: result.width + 2 * MARGIN, height: result.height + 2 * MARGIN });
    await page.evaluate(() => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
    });
    const png = join(out, basename(file).replace(/\.bpmn$/, '.png'));
    await page.screenshot({ path: png, omitBackground: false });
    console.log(`rendered ${basename(file)} -> ${png.startsWith(ROOT) ? png.slice(ROOT.length + 1) : png}`
      + ` (${result.width + 2 * MARGIN}x${result.height + 2 * MARGIN} at ${SCALE}x)`);
  } finally {
    await page.close();
  }
}

async function main() {
  const { out, files } = parseArgs(process.argv.slice(2));
  if (files.length === 0) throw new Error('no processes/*.bpmn to render');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`);
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'render-diagrams-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: 1600, height: 1000 }, deviceScaleFactor: SCALE,
  });
  const failures = [];
  try {
    for (const file of files) {
      try {
        await render(context, file, out);
      } catch (e) {
        failures.push(e.message);
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    for (const message of failures) console.error(`render-diagrams: FAILED ${message}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`render-diagrams: FAILED ${e.message}`);
  process.exit(1);
});
