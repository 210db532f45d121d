// Baoxue's configuration of this Camunda webapp. Login and logout belong to Baoxue's one login
// page (see scripts/baoxue-login.js).
export default {
  customScripts: ['scripts/baoxue-login.js'],

  // Chinese (locales/zh.json, Baoxue's own translation) for a browser set to Chinese, English
  // for everyone else. zh.json also carries the Chinese date locale (2026年3月5日 14:30).
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  // The header shows "保学 用户与权限" instead of "Camunda Admin".
  app: {
    vendor: '保学',
    name: '用户与权限'
  }
};
