// Camunda writes a person as "firstName lastName", so 李明华 (family name 李, given name 明华)
// appears as "明华 李". A Chinese name is written family name first, without a space: where the
// webapps show a user's name (the header, a task's assignee in the list and in the task) and both
// parts are Chinese, this script writes it that way. Other names are left as Camunda writes them.
// The 历史 tab's login ids become names too. Used by every Camunda webapp (their config.js load it
// from here).
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

// The task's 历史 tab names who did each step by login id (teacher-changan), in the text and
// its tooltip: each is replaced by the person's name from her profile, family name first.
// Also where a step changed the assignee or owner: its old and new values are login ids.
const HISTORY_USERS = '.operation-user, .event-body .line:has(> .event-property) .new-value > span,'
  + ' .event-body .line:has(> .event-property) .original-value > span';
const PEOPLE_PROPERTIES = ['assignee', 'owner', '办理人', '所有者', '拥有者'];
const LOGIN_ID = /^[A-Za-z0-9_-]+$/;
const names = new Map();

function profileUrl(userId) {
  const root = document.querySelector('base').getAttribute('app-root');
  return root + '/api/engine/engine/default/user/' + encodeURIComponent(userId) + '/profile';
}

function nameOf(userId) {
  if (!names.has(userId)) {
    names.set(userId, fetch(profileUrl(userId), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(answer => answer.ok ? answer.json() : null)
      .then(profile => {
        const family = profile && (profile.lastName || '');
        const given = profile && (profile.firstName || '');
        if (!family && !given) {
          return null;
        }
        return /\p{Script=Han}/u.test(family + given) ? family + given : (given + ' ' + family).trim();
      })
      .catch(() => null));
  }
  return names.get(userId);
}

function historyNames() {
  document.querySelectorAll(HISTORY_USERS).forEach(element => {
    const userId = element.textContent.trim();
    if (!LOGIN_ID.test(userId) || element.dataset.baoxueUser === userId) {
      return;
    }
    const property = element.closest('.line') && element.closest('.line').querySelector('.event-property');
    if (property && !PEOPLE_PROPERTIES.includes(property.textContent.trim())) {
      return;
    }
    element.dataset.baoxueUser = userId;
    nameOf(userId).then(name => {
      if (name && element.textContent.trim() === userId) {
        element.textContent = name;
        element.setAttribute('uib-tooltip', name);
        element.dataset.baoxueUser = name;
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
      chineseOrder();
      historyNames();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
