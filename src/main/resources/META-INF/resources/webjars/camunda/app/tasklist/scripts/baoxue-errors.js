// When Baoxue refuses a task form or the report (启动), Tasklist showed only 「提交任务表单时出错」
// in a notification that covered the 办理完成 button. This script shows the refusal beside the
// button instead: Baoxue's Chinese reason in full (ErrorShape: message, problems, errors[{field,
// message}]) and, under each field it names, that field's problem. When the form's own checks
// stop the submission (empty required fields), it lists every field to fill in, by its label.
// The notifications themselves float at the top of the page (user-styles.css).
const SUBMISSION = /\/(task|process-definition)\/[^/]+(\/key\/[^/]+)?\/(submit-form|complete|start)(\?|$)/;
const FORM_ERROR_CLASS = 'baoxue-form-refusal';

function formOf(kind) {
  if (kind === 'process-definition') {
    const modal = document.querySelector('.modal-dialog .modal-content');
    return modal && {root: modal, before: modal.querySelector('.modal-footer'), parent: modal};
  }
  const form = document.querySelector('.task-details [cam-tasklist-form]');
  if (!form) {
    return null;
  }
  const actions = form.querySelector('.form-actions');
  return {root: form, before: actions, parent: actions ? actions.parentNode : form};
}

function clearMarks(root) {
  root.querySelectorAll('.' + FORM_ERROR_CLASS).forEach(box => box.remove());
  root.querySelectorAll('.baoxue-server-error').forEach(message => {
    const field = message.closest('.fjs-form-field');
    message.remove();
    if (field && !field.querySelector('.fjs-form-field-error')) {
      field.classList.remove('fjs-has-errors');
    }
  });
}

/** The form-js field of a variable: its input's id ends in Field_<key> (radios add -<n>, dates -date). */
function fieldOf(root, key) {
  const pattern = new RegExp('-Field_' + key.replace(/[^A-Za-z0-9_]/g, '') + '(-[A-Za-z0-9]+)?$');
  const input = [...root.querySelectorAll('.fjs-form-field [id]')].find(element => pattern.test(element.id));
  return input ? input.closest('.fjs-form-field') : null;
}

function labelOf(field) {
  const label = field.querySelector('.fjs-form-field-label, label');
  return label ? label.textContent.replace(/\*$/, '').trim() : '';
}

function showBox(target, title, lines) {
  clearBox(target.root);
  const box = document.createElement('div');
  box.className = FORM_ERROR_CLASS;
  box.setAttribute('role', 'alert');
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.appendChild(heading);
  if (lines.length) {
    const list = document.createElement('ul');
    lines.forEach(line => {
      const item = document.createElement('li');
      item.textContent = line;
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  target.parent.insertBefore(box, target.before);
  return box;
}

function clearBox(root) {
  root.querySelectorAll('.' + FORM_ERROR_CLASS).forEach(box => box.remove());
}

function markField(field, message) {
  field.classList.add('fjs-has-errors');
  let slot = field.querySelector('.baoxue-server-error');
  if (!slot) {
    slot = document.createElement('div');
    slot.className = 'fjs-form-field-error baoxue-server-error';
    field.appendChild(slot);
  }
  slot.textContent = message;
}

/** Baoxue's refusal (or the engine's), read from the answer's body. */
function refusalOf(status, text) {
  let body = {};
  try {
    body = JSON.parse(text) || {};
  } catch (notJson) {
    body = {};
  }
  const message = body.message || body.detail || (status === 403 ? '您无权办理此项。' : '提交未成功，请稍后再试。');
  const errors = Array.isArray(body.errors) ? body.errors.filter(error => error && error.message) : [];
  const problems = Array.isArray(body.problems) ? body.problems : [];
  return {message, errors, problems};
}

function showRefusal(kind, status, text) {
  const target = formOf(kind);
  if (!target) {
    return;
  }
  clearMarks(target.root);
  const refusal = refusalOf(status, text);
  const lines = [];
  refusal.errors.forEach(error => {
    const field = error.field ? fieldOf(target.root, String(error.field)) : null;
    if (field) {
      markField(field, error.message);
      lines.push(labelOf(field) + '：' + error.message);
    } else {
      lines.push(error.message);
    }
  });
  if (!refusal.errors.length) {
    refusal.problems.filter(problem => problem !== refusal.message).forEach(problem => lines.push(problem));
  }
  const title = lines.length === 1 && lines[0].endsWith(refusal.message) ? '未能提交：' : '未能提交：' + refusal.message;
  showBox(target, title, lines);
  const first = target.root.querySelector('.fjs-has-errors');
  (first || target.root.querySelector('.' + FORM_ERROR_CLASS)).scrollIntoView({block: 'center'});
}

/** A required field (its label has form-js's asterisk) left empty. */
function emptyRequired(field) {
  if (!field.querySelector('.fjs-form-field-label .fjs-asterix') || field.closest('.fjs-disabled')) {
    return false;
  }
  const choices = field.querySelectorAll('input[type=radio], input[type=checkbox]');
  if (choices.length) {
    return ![...choices].some(choice => choice.checked);
  }
  if (field.querySelector('.fjs-select-display')) {
    return !!field.querySelector('.fjs-select-placeholder');
  }
  // Not the year box of a date field's calendar.
  const inputs = [...field.querySelectorAll('input:not([type=hidden]), textarea')]
    .filter(input => !input.closest('.flatpickr-calendar'));
  return inputs.length > 0 && inputs.every(input => !input.value.trim());
}

/**
 * The form's own checks stopped the submission: every field they marked, by its label. A check
 * that stops the click before the form's own (the 身份证号's, in baoxue-forms.js) keeps the form
 * from marking the other fields: each required field left empty is marked here as well.
 */
function showInvalidFields(kind) {
  const target = formOf(kind);
  if (!target) {
    return;
  }
  target.root.querySelectorAll('.fjs-form-field:not(.fjs-has-errors)').forEach(field => {
    if (emptyRequired(field)) {
      markField(field, '此项为必填项。');
    }
  });
  const fields = [...target.root.querySelectorAll('.fjs-form-field.fjs-has-errors')];
  if (!fields.length) {
    return;
  }
  const lines = fields.map(field => {
    const message = field.querySelector('.fjs-form-field-error');
    return labelOf(field) + '：' + (message ? message.textContent.trim() : '请更正。');
  });
  showBox(target, '请先填写或更正以下 ' + fields.length + ' 项，再提交：', lines);
  fields[0].scrollIntoView({block: 'center'});
  const notice = document.querySelector('.page-notifications .alert-danger .message:empty');
  if (notice) {
    notice.textContent = '请填写或更正标红的栏目：' + fields.map(labelOf).join('、');
  }
}

// Every answer of a form submission: a refusal is shown at the form, a success clears it.
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.baoxueSubmission = method && method.toUpperCase() === 'POST' && SUBMISSION.exec(String(url));
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  const submission = this.baoxueSubmission;
  if (submission) {
    this.addEventListener('loadend', () => {
      const kind = submission[1];
      if (this.status >= 400) {
        setTimeout(() => showRefusal(kind, this.status, this.responseText), 0);
      } else {
        const target = formOf(kind);
        if (target) {
          clearMarks(target.root);
        }
      }
    });
  }
  return send.apply(this, arguments);
};

// A click on 办理完成 or 启动: the form checks itself first; where it stops, list what it marked.
// On the window, before any listener of the document can stop the click.
window.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest(
    '.task-details .form-actions .btn-primary, .modal-dialog .modal-footer .btn-primary');
  if (!button) {
    return;
  }
  const kind = button.closest('.modal-dialog') ? 'process-definition' : 'task';
  setTimeout(() => showInvalidFields(kind), 400);
}, true);

// A field changed after a refusal: its server message is old.
document.addEventListener('input', event => {
  const field = event.target.closest && event.target.closest('.fjs-form-field');
  const message = field && field.querySelector('.baoxue-server-error');
  if (message) {
    message.remove();
    if (!field.querySelector('.fjs-form-field-error')) {
      field.classList.remove('fjs-has-errors');
    }
  }
}, true);

export default [];
