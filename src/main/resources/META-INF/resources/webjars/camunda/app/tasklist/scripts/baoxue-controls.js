// Tasklist offers every user every control and learns only from the refusal (in English) that one
// was not hers: 新建任务, 设置跟进日期, changing the due date, the candidate groups or the assignee,
// 添加备注, editing a filter, the link to Cockpit, and for read-only auditors 认领, 办理完成 and
// 启动流程; Cockpit offers its readers to suspend or delete a case and edit its variables. Baoxue
// answers, for the logged-in user, which of these the engine allowlist lets through
// (GET /api/tasklist/controls, decided by security.EngineOperations); this script marks the page
// with a class per allowed control (baoxue-may-claim …) and each app's user-styles.css hides the
// others. Until the answer is in, nothing that may be refused is shown. Values that a control
// would edit (the due date, the candidate groups, the assignee) stay visible as plain text.
const CONTROLS_URL = document.querySelector('base').getAttribute('app-root').replace(/\/camunda$/, '')
  + '/api/tasklist/controls';

// The controls every caseworker has: if Baoxue cannot be asked, they stay (the allowlist still decides).
const CASEWORK = ['claim', 'unclaim', 'complete', 'startProcess'];

function mark(controls) {
  const body = document.body;
  Object.entries(controls).forEach(([name, allowed]) => body.classList.toggle('baoxue-may-' + name, allowed === true));
  body.classList.add('baoxue-controls-known');
  unfocusable();
}

async function askBaoxue(attempt) {
  try {
    const answer = await fetch(CONTROLS_URL, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!answer.ok) {
      throw new Error('HTTP ' + answer.status);
    }
    mark(await answer.json());
  } catch (failure) {
    if (attempt < 3) {
      setTimeout(() => askBaoxue(attempt + 1), 1000 * attempt);
    } else {
      console.warn('Baoxue: controls unknown, offering casework only', failure);
      mark(Object.fromEntries(CASEWORK.map(name => [name, true])));
    }
  }
}

// An inline field Tasklist would open for editing (a date picker, a user id box) on a click or a
// key: for a value the user may not change it is plain text, and neither a click nor Enter opens it.
const LOCKED = [
  ['editTask', '.task-details .due-date, .task-details .followup-date'],
  ['setAssignee', '.task-details li.assignee [cam-widget-inline-field]'],
  ['editGroups', '.task-details li.groups > span']
];

function locked(target) {
  if (!target || !target.closest) {
    return false;
  }
  return LOCKED.some(([control, selector]) =>
    !document.body.classList.contains('baoxue-may-' + control) && target.closest(selector));
}

for (const type of ['click', 'keydown', 'paste']) {
  window.addEventListener(type, event => {
    if (locked(event.target)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
}

// Tasklist's keyboard shortcuts for what the user may not do (ctrl+alt+c claims, ctrl+alt+p starts).
window.addEventListener('keydown', event => {
  if (!(event.ctrlKey && event.altKey)) {
    return;
  }
  const key = (event.key || '').toLowerCase();
  const control = key === 'c' ? 'claim' : key === 'p' ? 'startProcess' : null;
  if (control && !document.body.classList.contains('baoxue-may-' + control)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// The locked fields take no keyboard focus either.
function unfocusable() {
  LOCKED.forEach(([control, selector]) => {
    const may = document.body.classList.contains('baoxue-may-' + control);
    document.querySelectorAll(selector).forEach(element => {
      if (element.hasAttribute('tabindex')) {
        element.setAttribute('tabindex', may ? '0' : '-1');
      }
    });
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      unfocusable();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true});

askBaoxue(1);

export default [];
