/*
 * HLD Prep, single sign-on: "Log out" in the account menu of Tasklist, Cockpit, Admin and Welcome ends
 * the session at the organisation's provider too. Loaded by each app's config.js (customScripts). Asks
 * the server first: without single sign-on (/camunda/sso/status is not there) the menu stays Camunda's.
 */
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root');

fetch(`${appRoot}/sso/status`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(response => (response.ok ? response.json() : null))
  .then(status => {
    if (!status || !status.singleSignOn) {
      return;
    }
    // Capture phase: before Camunda's own handler posts its logout, which would end the webapp session only.
    document.addEventListener('click', event => {
      const link = event.target instanceof Element && event.target.closest('li.logout a');
      if (link) {
        event.preventDefault();
        event.stopPropagation();
        window.location.assign(`${appRoot}/sso/logout`);
      }
    }, true);
  })
  .catch(() => {});

export default [];
