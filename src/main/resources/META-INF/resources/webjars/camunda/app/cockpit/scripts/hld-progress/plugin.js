/*
 * HLD Prep progress board: a Cockpit plugin (route #/hld-progress and a menu entry), plain JavaScript.
 * Every figure comes from the application's progress API under /api/cycles, which the browser calls
 * with the webapps' own session (GET only). Values are written as text, never as HTML.
 */
const API = '/api/cycles';
const STYLESHEET = 'scripts/hld-progress/board.css';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'onclick' || name === 'oninput' || name === 'onchange') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** Replaces the node's content; like el(), nested lists are flattened and empty parts skipped. */
function fill(node, ...children) {
  node.replaceChildren();
  children.flat(Infinity).forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
}

function loadStylesheet() {
  if (!document.getElementById('hld-progress-style')) {
    const base = document.querySelector('base').getAttribute('app-root') + '/app/cockpit/';
    document.head.appendChild(el('link', {id: 'hld-progress-style', rel: 'stylesheet', href: base + STYLESHEET}));
  }
}

async function get(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      message = body.message || body.detail || message;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(message);
  }
  return response.json();
}

function enc(value) {
  return encodeURIComponent(value);
}

function days(n) {
  return n === 1 ? '1 day' : n + ' days';
}

function link(url, text) {
  return /^https?:\/\//i.test(url) ? el('a', {href: url, target: '_blank', rel: 'noopener noreferrer'}, text) : text;
}

function cycleFromHash() {
  const match = /[?&]cycle=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The board of one cycle, rendered into root. */
class Board {
  constructor(root) {
    this.root = root;
    this.sort = {};
    this.filter = {};
  }

  async start() {
    loadStylesheet();
    this.root.classList.add('hld-progress');
    fill(this.root, el('p', {class: 'hld-loading'}, 'Loading the cycles\u2026'));
    try {
      this.cycles = await get(API);
    } catch (e) {
      fill(this.root, el('p', {class: 'hld-error', 'data-field': 'error'}, 'The progress board is not available: ' + e.message));
      return;
    }
    if (!this.cycles.length) {
      fill(this.root, el('p', {'data-field': 'no-cycle'}, 'No cycle of HLD preparation that you may see.'));
      return;
    }
    const wanted = cycleFromHash();
    const chosen = this.cycles.find(c => c.cycle === wanted) || this.cycles.find(c => c.state === 'running') || this.cycles[0];
    await this.show(chosen.cycle);
  }

  async show(cycle) {
    this.cycle = cycle;
    this.timeline = null;
    try {
      this.progress = await get(API + '/' + enc(cycle) + '/progress');
    } catch (e) {
      fill(this.root, el('p', {class: 'hld-error', 'data-field': 'error'}, 'Cannot read cycle ' + cycle + ': ' + e.message));
      return;
    }
    this.render();
  }

  render() {
    const p = this.progress;
    const select = el('select', {'data-field': 'cycle', onchange: e => this.show(e.target.value)},
      this.cycles.map(c => el('option', {value: c.cycle, selected: c.cycle === p.cycle}, c.cycle + (c.state === 'ended' ? ' (ended)' : ''))));
    const base = API + '/' + enc(p.cycle);
    fill(this.root,
      el('header', {class: 'hld-header'},
        el('h2', {}, 'HLD progress'), select,
        el('span', {class: 'hld-muted'}, 'as of ' + p.today + ' (' + p.timeZone + ')'),
        el('span', {class: 'hld-downloads'}, 'Download the country table: ',
          el('a', {href: base + '/countries.csv', 'data-download': 'csv'}, 'CSV'), ' \u00b7 ',
          el('a', {href: base + '/countries.xlsx', 'data-download': 'xlsx'}, 'Excel'))),
      this.countdown(p),
      this.tracks(p),
      this.overdue(p),
      this.cycleSteps(p),
      el('div', {class: 'hld-regions'}, p.regions.map(r => this.region(r))),
      el('section', {class: 'hld-timeline', id: 'hld-timeline'}, this.timelineView()));
  }

  countdown(p) {
    const c = p.countdown;
    const headline = c.hldDate === undefined || c.hldDate === null ? 'No HLD date in the calendar'
      : c.hldPassed ? 'The HLD was held on ' + c.hldDate
        : days(c.daysToHld) + ' to the High-level Dialogue (' + c.hldDate + ')';
    return el('section', {class: 'hld-card hld-countdown'},
      el('h3', {}, el('span', {'data-field': 'daysToHld', 'data-value': c.daysToHld}, headline)),
      el('h4', {}, 'Next deadlines'),
      c.nextDeadlines.length ? el('ol', {class: 'hld-deadlines'}, c.nextDeadlines.map(d =>
        el('li', {'data-deadline': d.key},
          el('strong', {}, d.label), ' ', el('span', {'data-field': 'date'}, d.date),
          el('span', {class: 'hld-muted'}, ' in ' + days(d.daysLeft)))))
        : el('p', {class: 'hld-muted'}, 'No deadline ahead.'));
  }

  tracks(p) {
    return el('section', {class: 'hld-card'},
      el('h3', {}, 'Tracks'),
      el('table', {class: 'table hld-table'},
        el('thead', {}, el('tr', {}, ['Track', 'Progress', 'Running', 'Ended', 'Late', 'Outcomes'].map(h => el('th', {}, h)))),
        el('tbody', {}, p.tracks.map(t => [
          el('tr', {'data-track': t.key},
            el('td', {}, t.name),
            el('td', {class: 'hld-progress-cell'},
              el('div', {class: 'hld-bar', title: t.percentDone + '% ended'},
                el('div', {class: 'hld-bar-fill', style: 'width:' + t.percentDone + '%'})),
              el('span', {'data-field': 'percentDone'}, t.percentDone + '%'),
              el('span', {class: 'hld-muted'}, ' of ', el('span', {'data-field': 'total'}, t.total))),
            el('td', {'data-field': 'running'}, t.running),
            el('td', {'data-field': 'ended'}, t.ended),
            el('td', {'data-field': 'late', class: t.late ? 'hld-late' : ''}, t.late),
            el('td', {}, Object.entries(t.byOutcome).map(([o, n]) =>
              el('span', {class: 'hld-chip', 'data-outcome': o}, o + ' ' + n)))),
          t.instances.map(i => el('tr', {class: 'hld-instance', 'data-instance': i.code},
            el('td', {}, '\u21b3 ', i.code),
            el('td', {colspan: 3}, i.state === 'ended' ? 'ended: ' + (i.outcome || '') : (i.currentStep || '\u2014'),
              i.heldBy && i.heldBy.length ? el('span', {class: 'hld-muted'}, ' (' + i.heldBy.join(', ') + ')') : null),
            el('td', {class: i.late ? 'hld-late' : ''}, i.late ? 'late' : ''),
            el('td', {}, el('a', {href: 'javascript:void(0)', 'data-timeline-track': i.code,
              onclick: () => this.openTimeline('tracks', i.code)}, 'Timeline'))))
        ]))));
  }

  overdue(p) {
    return el('section', {class: 'hld-card'},
      el('h3', {}, 'Overdue tasks ', el('span', {class: p.overdue.length ? 'hld-count' : 'hld-count hld-none', 'data-field': 'overdueCount'}, p.overdue.length)),
      p.overdue.length ? el('table', {class: 'table hld-table'},
        el('thead', {}, el('tr', {}, ['Task', 'Track', 'Country / code', 'Office', 'Due', 'Days overdue'].map(h => el('th', {}, h)))),
        el('tbody', {}, p.overdue.map(o => el('tr', {'data-task': o.taskId},
          el('td', {}, o.name), el('td', {}, o.track), el('td', {}, o.iso3 || o.code),
          el('td', {'data-field': 'office'}, o.office.join(', ')), el('td', {}, o.dueDate),
          el('td', {'data-field': 'daysOverdue', class: 'hld-late'}, o.daysOverdue)))))
        : el('p', {class: 'hld-muted'}, 'Nothing is overdue.'));
  }

  cycleSteps(p) {
    if (!p.cycleSteps.length) {
      return null;
    }
    return el('section', {class: 'hld-card'},
      el('h3', {}, 'Open steps of the cycle'),
      el('ul', {}, p.cycleSteps.map(s => el('li', {'data-step': s.activityId},
        s.name, s.heldBy.length ? ' (' + s.heldBy.join(', ') + ')' : '',
        s.dueDate ? ', due ' + s.dueDate : '', s.overdue ? el('span', {class: 'hld-late'}, ' overdue') : null))));
  }

  region(r) {
    const columns = [
      ['country', 'Country'], ['track', 'Track'], ['state', 'State'], ['currentStep', 'Current step'],
      ['heldBy', 'Held by'], ['dueDate', 'Due'], ['late', 'Late'], ['outcome', 'Outcome']];
    const sort = this.sort[r.regionalOffice] || {column: 'country', ascending: true};
    const filter = this.filter[r.regionalOffice] || {text: '', lateOnly: false};
    const value = (row, column) => column === 'heldBy' ? row.heldBy.join(', ') : column === 'late' ? (row.late ? 1 : 0)
      : row[column] === undefined || row[column] === null ? '' : row[column];
    const needle = filter.text.trim().toLowerCase();
    const rows = r.rows
      .filter(row => !filter.lateOnly || row.late)
      .filter(row => !needle || [row.iso3, row.country, row.trackName, row.state, row.currentStep, row.heldBy.join(' '), row.outcome]
        .some(v => v && String(v).toLowerCase().includes(needle)))
      .sort((a, b) => {
        const x = value(a, sort.column);
        const y = value(b, sort.column);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return sort.ascending ? order : -order;
      });
    const rerender = () => {
      const section = this.root.querySelector('[data-region="' + r.regionalOffice + '"]');
      section.replaceWith(this.region(r));
    };
    const search = el('input', {type: 'search', placeholder: 'Filter countries, steps, offices\u2026', value: filter.text,
      'data-filter': r.regionalOffice, class: 'form-control input-sm',
      onchange: e => { this.filter[r.regionalOffice] = {...filter, text: e.target.value}; rerender(); }});
    search.oninput = search.onchange;
    return el('section', {class: 'hld-card', 'data-region': r.regionalOffice},
      el('h3', {}, 'Regional Office ' + r.city, el('span', {class: 'hld-muted'}, ' ' + r.regionalOffice + ' \u00b7 ' + r.coverage)),
      el('p', {class: 'hld-muted'},
        el('span', {'data-field': 'countries'}, r.countries), ' countries, ',
        el('span', {'data-field': 'ended'}, r.ended), ' ended, ',
        el('span', {'data-field': 'late'}, r.late), ' late'),
      el('div', {class: 'hld-filters'}, search,
        el('label', {}, el('input', {type: 'checkbox', checked: filter.lateOnly, 'data-late-only': r.regionalOffice,
          onchange: e => { this.filter[r.regionalOffice] = {...filter, lateOnly: e.target.checked}; rerender(); }}), ' late only')),
      el('table', {class: 'table hld-table hld-countries'},
        el('thead', {}, el('tr', {}, columns.map(([column, label]) => el('th', {
          class: 'hld-sortable' + (sort.column === column ? (sort.ascending ? ' hld-asc' : ' hld-desc') : ''),
          'data-sort': column,
          onclick: () => {
            this.sort[r.regionalOffice] = {column, ascending: sort.column === column ? !sort.ascending : true};
            rerender();
          }}, label)), el('th', {}, ''))),
        el('tbody', {}, rows.map(row => el('tr', {'data-iso3': row.iso3, class: row.late ? 'hld-row-late' : ''},
          el('td', {'data-field': 'country'}, row.country, el('span', {class: 'hld-muted'}, ' ' + row.iso3)),
          el('td', {'data-field': 'track'}, row.trackName || row.track),
          el('td', {'data-field': 'state'}, row.state),
          el('td', {'data-field': 'currentStep'}, row.currentStep || ''),
          el('td', {'data-field': 'heldBy'}, row.heldBy.join(', ')),
          el('td', {'data-field': 'dueDate'}, row.dueDate || ''),
          el('td', {'data-field': 'late', class: row.late ? 'hld-late' : ''},
            row.late ? 'late' + (row.daysOverdue ? ' (' + days(row.daysOverdue) + ')' : '') : ''),
          el('td', {'data-field': 'outcome'}, row.outcome || ''),
          el('td', {}, el('a', {href: 'javascript:void(0)', 'data-timeline-country': row.iso3,
            onclick: () => this.openTimeline('countries', row.iso3)}, 'Timeline')))))),
      el('p', {class: 'hld-muted', 'data-field': 'shown'}, rows.length + ' of ' + r.rows.length + ' shown'));
  }

  async openTimeline(kind, code) {
    const path = API + '/' + enc(this.cycle) + '/' + kind + '/' + enc(code) + '/timeline';
    this.timeline = {kind, code, path, loading: true};
    fill(this.root.querySelector('#hld-timeline'), this.timelineView());
    try {
      this.timeline.data = await get(path);
    } catch (e) {
      this.timeline.error = e.message;
    }
    this.timeline.loading = false;
    const section = this.root.querySelector('#hld-timeline');
    fill(section, this.timelineView());
    section.scrollIntoView({block: 'start'});
  }

  timelineView() {
    const t = this.timeline;
    if (!t) {
      return el('p', {class: 'hld-muted'}, 'Choose "Timeline" on a country or a track to see who did what when.');
    }
    const title = el('h3', {}, 'Timeline of ' + t.code, ' ',
      el('a', {href: t.path + '.csv', 'data-download': 'timeline-csv', class: 'hld-small'}, 'CSV'));
    if (t.loading) {
      return [title, el('p', {}, 'Loading\u2026')];
    }
    if (t.error) {
      return [title, el('p', {class: 'hld-error', 'data-field': 'error'}, t.error)];
    }
    return [title,
      el('p', {class: 'hld-muted'}, t.data.items.map(i => i.trackName + ' (' + i.state + (i.outcome ? ': ' + i.outcome : '') + ')').join(' \u00b7 ')),
      el('table', {class: 'table hld-table', 'data-timeline': t.code},
        el('thead', {}, el('tr', {}, ['Started', 'Ended', 'Step', 'By', 'Documents'].map(h => el('th', {}, h)))),
        el('tbody', {}, t.data.entries.map(e => el('tr', {'data-activity': e.activityId || ''},
          el('td', {}, (e.started || '').replace('T', ' ').substring(0, 16)),
          el('td', {}, e.ended ? e.ended.replace('T', ' ').substring(0, 16) : el('em', {}, 'open')),
          el('td', {}, e.step, el('span', {class: 'hld-muted'}, ' ' + (e.activityType || ''))),
          el('td', {'data-field': 'by'}, e.by || (e.heldBy ? e.heldBy.join(', ') : '')),
          el('td', {}, e.documents.map(d => el('div', {'data-document': d.name}, d.name + ': ', link(d.url, d.url))))))))];
  }
}

export default [
  {
    id: 'hld-progress',
    pluginPoint: 'cockpit.route',
    properties: {path: '/hld-progress'},
    render: node => {
      new Board(node).start();
    }
  },
  {
    id: 'hld-progress-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: '#/hld-progress',
      label: 'HLD progress',
      checkActive: path => path.indexOf('#/hld-progress') > -1
    }
  }
];
