// Baoxue's configuration of this Camunda webapp. Login and logout belong to Baoxue's one login
// page (see scripts/baoxue-login.js).
export default {
  customScripts: ['scripts/baoxue-login.js']
};
