/*
 * HLD Prep's Admin configuration, served in place of the webjar's (whose options are all commented out):
 * loads the single sign-on sign-out (../hldprep/sso-logout.js).
 */
export default {
  customScripts: ['../hldprep/sso-logout']
};
