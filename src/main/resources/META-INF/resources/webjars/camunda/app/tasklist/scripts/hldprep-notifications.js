/*
 * HLD Prep: a "Notifications" button in Tasklist's navigation bar that opens a small form for the
 * user's choice of e-mails (immediate notices and/or the daily digest, or nothing), language and time
 * zone. It talks to /camunda/api/hldprep/notifications under the Tasklist session, with the webapps'
 * CSRF token, like Tasklist itself. Plain DOM: no framework, no build step.
 */
const LABELS = {
  delivery: {
    both: 'Immediate notices and the daily digest',
    immediate: 'Immediate notices only',
    digest: 'The daily digest only',
    none: 'No e-mail'
  },
  language: {en: 'English', fr: 'Français', es: 'Español'}
};

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach(child => node.appendChild(child));
  return node;
}

// The webapps' CSRF token, read when the form is sent (it changes with the session, as at login),
// the way Tasklist's own requests read it.
function csrfToken(api) {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

function endpoint() {
  const root = document.querySelector('base').getAttribute('app-root');
  return root + '/api/hldprep/notifications';
}

function openDialog(api) {
  const existing = document.getElementById('hldprep-notifications');
  if (existing) {
    existing.remove();
  }
  const status = element('p', {'class': 'hldprep-status', 'aria-live': 'polite'});
  const form = element('form', {'id': 'hldprep-notifications-form'});
  const panel = element('div', {
    'id': 'hldprep-notifications', 'role': 'dialog', 'aria-label': 'E-mail notifications',
    'style': 'position:fixed;top:60px;right:20px;z-index:2000;background:#fff;border:1px solid #ccc;'
      + 'box-shadow:0 4px 16px rgba(0,0,0,.2);padding:16px 20px;width:360px;font-size:14px'
  }, [element('h4', {text: 'E-mail notifications'}), form, status]);
  document.body.appendChild(panel);

  fetch(endpoint(), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(response => response.ok ? response.json() : Promise.reject(response.status))
    .then(current => {
      form.appendChild(element('p', {text: 'Mails go to ' + (current.email || 'no address: ask an administrator')}));
      current.deliveries.forEach(id => {
        const radio = element('input', {'type': 'radio', 'name': 'delivery', 'value': id});
        radio.checked = id === current.delivery;
        form.appendChild(element('div', {'class': 'radio'}, [element('label', {}, [radio,
          document.createTextNode(' ' + LABELS.delivery[id])])]));
      });
      const language = element('select', {'name': 'language', 'class': 'form-control'});
      current.languages.forEach(id => {
        const option = element('option', {'value': id, text: LABELS.language[id]});
        option.selected = id === current.language;
        language.appendChild(option);
      });
      const zone = element('input', {'name': 'timeZone', 'class': 'form-control',
        'placeholder': 'the cycle\'s time zone, e.g. Asia/Manila', 'value': current.timeZone || ''});
      form.appendChild(element('label', {text: 'Language'}));
      form.appendChild(language);
      form.appendChild(element('label', {text: 'Time zone (IANA, empty: the cycle\'s)'}));
      form.appendChild(zone);
      const save = element('button', {'type': 'submit', 'class': 'btn btn-primary', text: 'Save'});
      const close = element('button', {'type': 'button', 'class': 'btn btn-default', text: 'Close'});
      close.addEventListener('click', () => panel.remove());
      form.appendChild(element('p', {'style': 'margin-top:12px'}, [save, document.createTextNode(' '), close]));
      form.addEventListener('submit', event => {
        event.preventDefault();
        const chosen = form.querySelector('input[name=delivery]:checked');
        fetch(endpoint(), {
          method: 'PUT', credentials: 'same-origin',
          headers: {'Content-Type': 'application/json', 'Accept': 'application/json',
            'X-XSRF-TOKEN': csrfToken(api)},
          body: JSON.stringify({delivery: chosen ? chosen.value : null, language: language.value,
            timeZone: zone.value.trim()})
        }).then(response => response.json().then(body => ({ok: response.ok, body})))
          .then(({ok, body}) => {
            status.textContent = ok ? 'Saved.' : (body.message || 'Not saved.');
          })
          .catch(() => {
            status.textContent = 'Not saved: the server did not answer.';
          });
      });
    })
    .catch(() => {
      status.textContent = 'Your settings could not be read. Log in again and retry.';
    });
}

export default {
  id: 'hldprep-notifications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node, {api}) => {
    const link = element('a', {'href': '', 'id': 'hldprep-notifications-link', 'title': 'E-mail notifications'},
      [element('span', {'class': 'glyphicon glyphicon-envelope'}), document.createTextNode(' Notifications')]);
    link.addEventListener('click', event => {
      event.preventDefault();
      openDialog(api);
    });
    node.appendChild(link);
  }
};
