// Baoxue has one login page for its own pages, the REST APIs and the Camunda webapps. After a
// logout the webapp would show Camunda's own login view, whose form cannot log anyone in here:
// send the user to Baoxue's login page instead.
function toBaoxueLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
  }
}

window.addEventListener('hashchange', toBaoxueLogin);
toBaoxueLogin();

export default [];
