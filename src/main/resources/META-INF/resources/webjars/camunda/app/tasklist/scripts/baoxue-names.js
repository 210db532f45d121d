// Camunda writes a person as "firstName lastName", so 李明华 (family name 李, given name 明华)
// appears as "明华 李". A Chinese name is written family name first, without a space: where the
// webapps show a user's name (the header, a task's assignee in the list and in the task) and both
// parts are Chinese, this script writes it that way. Other names are left as Camunda writes them.
// Login ids shown instead of names become names (below). Used by every Camunda webapp (their
// config.js load it from here).
const NAME_PLACES = 'li.account > a.dropdown-toggle, h5.assignee, li.assignee .view-value > span';
const GIVEN_THEN_FAMILY = /^(\s*)(\p{Script=Han}+) (\p{Script=Han}+)(\s*)$/u;

function chineseOrder() {
  document.querySelectorAll(NAME_PLACES).forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && GIVEN_THEN_FAMILY.test(node.nodeValue)) {
        node.nodeValue = node.nodeValue.replace(GIVEN_THEN_FAMILY, '$1$3$2$4');
      }
    });
  });
}

// Where the engine does not let the reader see a colleague's profile (an official looking at a
// teacher's task, an auditor at anyone's), Tasklist writes the person as her login id
// (teacher-changan): a task's assignee in the list and in the task, and who did each step in the
// 历史 tab (with the assignee it set). Baoxue names them (GET /api/staff/names, colleagues of the
// reader's county), family name first.
const LOGIN_ID_PLACES = 'h5.assignee, li.assignee .view-value > span, .operation-user,'
  + ' .event-body .line:has(> .event-property) .new-value > span,'
  + ' .event-body .line:has(> .event-property) .original-value > span';
const PEOPLE_PROPERTIES = ['assignee', 'owner', '办理人', '所有者', '拥有者'];
const LOGIN_ID = /^[A-Za-z0-9_-]+$/;
const names = new Map();

function namesUrl(ids) {
  const root = document.querySelector('base').getAttribute('app-root').replace(/\/camunda$/, '');
  return root + '/api/staff/names?ids=' + encodeURIComponent(ids.join(','));
}

function askNames(ids) {
  const answer = fetch(namesUrl(ids), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {})
    .catch(() => ({}));
  ids.forEach(id => names.set(id, answer.then(known => known[id] || null)));
}

function loginIdsToNames() {
  const waiting = [];
  document.querySelectorAll(LOGIN_ID_PLACES).forEach(element => {
    const userId = element.textContent.trim();
    if (!LOGIN_ID.test(userId) || element.dataset.baoxueUser === userId) {
      return;
    }
    const property = element.closest('.line') && element.closest('.line').querySelector('.event-property');
    if (property && !PEOPLE_PROPERTIES.includes(property.textContent.trim())) {
      return;
    }
    element.dataset.baoxueUser = userId;
    waiting.push([element, userId]);
  });
  const unknown = [...new Set(waiting.map(([, userId]) => userId))].filter(userId => !names.has(userId));
  if (unknown.length) {
    askNames(unknown);
  }
  // The text node itself is rewritten, not replaced: Tasklist's bindings keep writing into it when
  // the task shown there changes, and the new id is named in turn.
  waiting.forEach(([element, userId]) => names.get(userId).then(name => {
    element.childNodes.forEach(node => {
      if (name && node.nodeType === Node.TEXT_NODE && node.nodeValue.trim() === userId) {
        node.nodeValue = node.nodeValue.replace(userId, name);
        element.dataset.baoxueUser = name;
      }
    });
  }));
}

// The same for the units a task is offered to (its candidate groups), shown by group id
// (school_5306270001) to whoever may not read the group: GET /api/staff/units names them.
const GROUP_PLACES = '.task-details li.groups a';
const UNIT_GROUP = /^(school|village|township|county|womenfed)_[0-9]+$/;
const units = new Map();

function askUnits(groupIds) {
  const root = document.querySelector('base').getAttribute('app-root').replace(/\/camunda$/, '');
  const answer = fetch(root + '/api/staff/units?groups=' + encodeURIComponent(groupIds.join(',')),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {})
    .catch(() => ({}));
  groupIds.forEach(id => units.set(id, answer.then(known => known[id] || null)));
}

function groupIdsToUnits() {
  document.querySelectorAll(GROUP_PLACES).forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType !== Node.TEXT_NODE) {
        return;
      }
      const groupIds = node.nodeValue.split(',').map(part => part.trim()).filter(part => UNIT_GROUP.test(part));
      if (!groupIds.length) {
        return;
      }
      const unknown = groupIds.filter(id => !units.has(id));
      if (unknown.length) {
        askUnits(unknown);
      }
      Promise.all(groupIds.map(id => units.get(id))).then(unitNames => {
        groupIds.forEach((id, i) => {
          if (unitNames[i] && node.nodeValue.includes(id)) {
            node.nodeValue = node.nodeValue.replace(id, unitNames[i]);
          }
        });
      });
    });
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      chineseOrder();
      loginIdsToNames();
      groupIdsToUnits();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
