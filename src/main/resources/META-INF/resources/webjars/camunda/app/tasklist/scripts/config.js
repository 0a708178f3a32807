/*
 * HLD Prep's Tasklist configuration, served in place of the webjar's app/tasklist/scripts/config.js.
 * Camunda's webapps read one whole config.js (no partial configuration is merged with a default), so this
 * file holds only what HLD Prep needs plus what would be lost without it:
 * - customScripts: the Notifications form (scripts/hldprep-notifications.js) in the navigation bar, and the
 *   single sign-on sign-out (../hldprep/sso-logout.js);
 * - shortcuts: Tasklist's keyboard shortcuts, which exist only in Camunda's default config.js (copied from
 *   it, Camunda 7.24, Apache License 2.0). Every other option of that file is commented out there.
 */
export default {
  customScripts: ['scripts/hldprep-notifications', '../hldprep/sso-logout'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
