// Baoxue's configuration of Tasklist. Login and logout belong to Baoxue's one login page (see
// scripts/baoxue-login.js). Tasklist has no setting to withdraw a control from a user: the
// controls the engine allowlist refuses her are hidden by scripts/baoxue-controls.js with
// styles/user-styles.css; a refused form says why beside its button (scripts/baoxue-errors.js);
// on a phone the open task's form comes first (scripts/baoxue-layout.js, user-styles.css).
export default {
  customScripts: [
    'scripts/baoxue-controls.js',
    'scripts/baoxue-errors.js',
    'scripts/baoxue-layout.js',
    'scripts/baoxue-login.js',
    'scripts/baoxue-forms.js',
    'scripts/baoxue-names.js'
  ],

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

  // The header shows "保学 待办任务" instead of "Camunda Tasklist".
  app: {
    vendor: '保学',
    name: '待办任务'
  },

  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“启动流程”对话框'}
  }
};

// The language the webapp picks for this browser (its first preferred language) is Chinese.
function chineseBrowser() {
  const language = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'zh';
}
