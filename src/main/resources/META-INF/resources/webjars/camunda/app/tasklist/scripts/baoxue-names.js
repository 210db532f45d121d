// Camunda writes a person as "firstName lastName", so 李明华 (family name 李, given name 明华)
// appears as "明华 李". A Chinese name is written family name first, without a space: where the
// webapps show a user's name (the header, a task's assignee in the list and in the task) and both
// parts are Chinese, this script writes it that way. Other names are left as Camunda writes them.
// Used by every Camunda webapp (their config.js load it from here).
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

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      chineseOrder();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
