// Cockpit writes its dates (instance start times, incidents, history) as 2026-11-23T00:42:18
// whatever config.js's dateFormat says: it sets its own formats in the code. A browser set to
// Chinese reads 2026年11月23日 00:42:18 instead; other browsers keep Cockpit's form. Loaded as an
// AngularJS module through config.js's requireJsConfig, so it runs after Cockpit's own settings.
define(['angular'], function (angular) {
  var language = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  var chinese = language.toLowerCase().split('-')[0] === 'zh';

  return angular.module('baoxue.dates', []).config(['camDateFormatProvider', function (formats) {
    if (chinese) {
      formats.setDateFormat('YYYY年M月D日 HH:mm:ss', 'normal');
    }
  }]);
});
