/*
 * HLD Prep's Cockpit configuration (Camunda's documented app/cockpit/scripts/config.js, served in
 * place of the webjar's, whose options are all commented out): loads the progress board plugin.
 */
export default {
  // scripts/hld-progress/plugin.js: the "HLD progress" page (route #/hld-progress) and its menu entry
  customScripts: ['scripts/hld-progress/plugin', '../hldprep/sso-logout']
};
