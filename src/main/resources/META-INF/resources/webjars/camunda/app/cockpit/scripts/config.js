// Baoxue's configuration of this Camunda webapp. Login and logout belong to Baoxue's one login
// page (see ../tasklist/scripts/baoxue-login.js, shared by the four apps). The actions the engine
// allowlist refuses the user (suspending, deleting, retrying, editing a case's variables: everyone
// but administrators) are hidden (../tasklist/scripts/baoxue-controls.js, styles/user-styles.css).
export default {
  customScripts: ['../tasklist/scripts/baoxue-controls.js', '../tasklist/scripts/baoxue-login.js',
    '../tasklist/scripts/baoxue-names.js'],
  // Chinese dates in Cockpit's tables (scripts/baoxue-dates.js).
  requireJsConfig: {
    deps: ['baoxue-dates'],
    ngDeps: ['baoxue.dates'],
    paths: {'baoxue-dates': 'scripts/baoxue-dates'}
  },

  // Chinese (locales/zh.json, Baoxue's own translation) for a browser set to Chinese, English
  // for everyone else. zh.json also carries the Chinese date locale (2026年3月5日 14:30, 4 天后).
  // The fallback is the browser's own language: the webapp loads the fallback's file as well and
  // each file it loads makes its dates moment's global locale, so with English as the fallback of
  // a Chinese browser whichever file arrived last decided, and relative dates ("in 4 days") came
  // out in English at random.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: chineseBrowser() ? 'zh' : 'en'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  // The header shows "保学 流程监控" instead of "Camunda Cockpit".
  app: {
    vendor: '保学',
    name: '流程监控'
  }
};

// The language the webapp picks for this browser (its first preferred language) is Chinese.
function chineseBrowser() {
  const language = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'zh';
}
