// On a phone-sized window Tasklist stacks its three columns; user-styles.css puts the open task's
// form first. Opening a task from the list further down would leave the page scrolled there:
// this script brings the task's form to the top of the window when a task is opened.
const PHONE = window.matchMedia('(max-width: 767px)');

function openedTask() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? match[1] : null;
}

let shown = openedTask();
window.addEventListener('hashchange', () => {
  const task = openedTask();
  if (task && task !== shown && PHONE.matches) {
    // The list is redrawn and the form loads after the address changes.
    setTimeout(() => window.scrollTo({top: 0}), 300);
  }
  shown = task;
});

export default [];
