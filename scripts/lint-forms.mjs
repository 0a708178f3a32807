#!/usr/bin/env node
// Lints the Camunda Forms (processes/forms/*.form) against what Camunda 7.24's Tasklist (form-js,
// schemaVersion 16) renders and against the models that open them (camunda:formRef in
// processes/*.bpmn). Prints one line per problem, `file: component: problem`, then a summary line;
// exits 1 on any problem.
//
//   npm run lint:forms                              # processes/forms/*.form and processes/*.bpmn
//   node scripts/lint-forms.mjs [PROCESSES_DIR]     # DIR/forms/*.form and DIR/*.bpmn
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The component types that Camunda 7.24's Tasklist registers (form-js in its webjar, schemaVersion 16).
const INPUT_TYPES = new Set(['textfield', 'textarea', 'number', 'datetime', 'checkbox', 'checklist',
  'radio', 'select', 'taglist']);
const OTHER_KEYED_TYPES = new Set(['expression']); // a computed value: has a key, shows no label
const UNKEYED_TYPES = new Set(['text', 'html', 'image', 'table', 'iframe', 'separator', 'spacer', 'button']);
const CONTAINER_TYPES = new Set(['group', 'dynamiclist']);
const OPTION_TYPES = new Set(['select', 'radio', 'checklist', 'taglist']);
const KEY = /^[a-zA-Z][a-zA-Z0-9]*$/;
// A readable form id: lower-case words joined by hyphens (the Modeler's generated ids look like Form_0k2x3y4).
const READABLE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const nonEmpty = (value) => typeof value === 'string' && value.trim().length > 0;

/** The labels a component shows: a datetime field has dateLabel and/or timeLabel instead of label. */
function labelProblem(component) {
  if (component.type !== 'datetime') {
    return nonEmpty(component.label) ? null : 'no label';
  }
  const subtype = component.subtype || 'date';
  const wanted = { date: ['dateLabel'], time: ['timeLabel'], datetime: ['dateLabel', 'timeLabel'] }[subtype];
  if (!wanted) return `unknown datetime subtype "${subtype}"`;
  const missing = wanted.filter((name) => !nonEmpty(component[name]));
  return missing.length ? `no ${missing.join(' and ')}` : null;
}

function lintComponents(components, path, context) {
  const { problem, keys, ids } = context;
  if (!Array.isArray(components)) {
    problem('(form)', `"components" of ${path || 'the form'} is not a list`);
    return;
  }
  for (const component of components) {
    const name = component && (component.key || component.id) || '(component without key or id)';
    const report = (message) => problem(name, message);
    if (!component || typeof component !== 'object') {
      problem('(form)', 'a component is not an object');
      continue;
    }
    const { type } = component;
    if (!nonEmpty(component.id)) report('no id');
    else if (ids.has(component.id)) report(`id "${component.id}" is used twice`);
    else ids.add(component.id);

    const keyed = INPUT_TYPES.has(type) || OTHER_KEYED_TYPES.has(type);
    if (!keyed && !UNKEYED_TYPES.has(type) && !CONTAINER_TYPES.has(type)) {
      report(`unknown component type "${type}" (Camunda 7.24's Tasklist does not render it)`);
      continue;
    }
    if (keyed) {
      if (!nonEmpty(component.key)) report('no key');
      else if (!KEY.test(component.key)) report(`key "${component.key}" does not match ${KEY}`);
      else {
        const full = path ? `${path}.${component.key}` : component.key;
        if (keys.has(full)) report(`key "${full}" is used twice in the form`);
        keys.add(full);
      }
    }
    if (INPUT_TYPES.has(type)) {
      const missing = labelProblem(component);
      if (missing) report(missing);
    }
    if (type === 'text' && !nonEmpty(component.text)) report('text component without text');
    if (OPTION_TYPES.has(type) && !component.valuesKey && !component.valuesExpression) {
      const values = component.values;
      if (!Array.isArray(values) || values.length === 0) report('no values to choose from');
      else {
        const seen = new Set();
        for (const option of values) {
          const value = option && option.value;
          if (value === undefined || value === null || value === '') report('an option without a value');
          else if (seen.has(value)) report(`option value "${value}" is listed twice`);
          else seen.add(value);
          if (!option || !nonEmpty(option.label)) report(`option "${value}" has no label`);
        }
      }
    }
    const validate = component.validate || {};
    if (validate.pattern !== undefined) {
      try {
        new RegExp(validate.pattern);
      } catch (e) {
        report(`validate.pattern does not compile: ${e.message}`);
      }
    }
    if (component.readonly === true && validate.required === true) {
      report('read-only and required: nobody can fill it in');
    }
    if (CONTAINER_TYPES.has(type)) {
      const inner = component.path ? (path ? `${path}.${component.path}` : component.path) : path;
      lintComponents(component.components || [], inner, context);
    }
  }
}

/** The problems of one .form file; `formId` is set when the file has a usable id. */
function lintForm(file, problems) {
  const name = basename(file);
  const problem = (where, message) => problems.push(`${name}: ${where}: ${message}`);
  let form;
  try {
    form = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problem('(form)', `not valid JSON: ${e.message}`);
    return null;
  }
  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    problem('(form)', 'not a JSON object');
    return null;
  }
  if (form.type !== 'default') problem('(form)', `type is "${form.type}", not "default"`);
  const expected = name.replace(/\.form$/, '');
  if (!nonEmpty(form.id)) problem('(form)', 'no id');
  else if (!READABLE_ID.test(form.id)) problem('(form)', `id "${form.id}" is not a readable id (lower-case words joined by hyphens)`);
  else if (form.id !== expected) problem('(form)', `id "${form.id}" differs from the file name "${expected}"`);
  lintComponents(form.components, '', { problem, keys: new Set(), ids: new Set() });
  return nonEmpty(form.id) ? form.id : null;
}

/** formRef value -> the models that use it. */
function formRefs(processes) {
  const refs = new Map();
  for (const model of readdirSync(processes).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(processes, model), 'utf8');
    for (const match of xml.matchAll(/camunda:formRef="([^"]*)"/g)) {
      if (!refs.has(match[1])) refs.set(match[1], new Set());
      refs.get(match[1]).add(model);
    }
  }
  return refs;
}

const processes = resolve(process.argv[2] || join(ROOT, 'processes'));
const formsDir = join(processes, 'forms');
const files = readdirSync(formsDir).filter((f) => f.endsWith('.form')).sort();
const problems = [];
const formIds = new Map();
for (const file of files) {
  const id = lintForm(join(formsDir, file), problems);
  if (id !== null) {
    if (formIds.has(id)) problems.push(`${file}: (form): id "${id}" is also the id of ${formIds.get(id)}`);
    else formIds.set(id, file);
  }
}
const refs = formRefs(processes);
for (const [ref, models] of refs) {
  if (!formIds.has(ref)) problems.push(`${[...models].join(', ')}: camunda:formRef "${ref}": no form has this id`);
}
for (const [id, file] of formIds) {
  if (!refs.has(id)) problems.push(`${file}: (form): no camunda:formRef in the models opens form "${id}"`);
}
if (files.length === 0) problems.push(`${formsDir}: no .form files`);

for (const line of problems) console.error(line);
console.log(`lint-forms: ${files.length} forms, ${refs.size} formRefs, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
