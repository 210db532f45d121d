// Camunda Forms (form-js 1.8, bundled with Tasklist) write their own validation messages and
// placeholders in English and cannot be configured otherwise. For a browser set to Chinese this
// script rewrites them in Chinese as they appear, shows the date fields' calendars in Chinese, and
// checks the 身份证号 of the start form (length, date of birth, check digit) before the report is
// submitted. In every browser a date typed year first (2014-03-05, 2014/3/5, 2014.3.5, 2014年3月5日)
// is read as the user meant it. The report form offers the user's schools and villages by name
// (its selects' options), and a started report names its case number.
const chinese = (navigator.languages && navigator.languages[0] || navigator.language || '')
  .toLowerCase().indexOf('zh') === 0;

const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请输入有效的电话号码。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配项',
  'Invalid date': '日期无效',
  // The table of a case's records (家访、劝返与回访记录) before anything was recorded.
  'Nothing to show.': '暂无记录',
  // The date fields' placeholders: the browser's own format, in an English and a Chinese browser.
  'mm/dd/yyyy': '如 2014-03-05',
  'yyyy/mm/dd': '如 2014-03-05'
};
const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum length of (.+)\.$/, '至少 $1 个字。'],
  [/^Field must have maximum length of (.+)\.$/, '不能超过 $1 个字。'],
  [/^Field must match pattern .+$/, '格式不正确，请按下方说明填写。']
];

function translate(text) {
  const trimmed = text.trim();
  if (EXACT[trimmed]) {
    return EXACT[trimmed];
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, replacement);
    }
  }
  return null;
}

function translateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const translated = translate(node.nodeValue);
    if (translated !== null) {
      node.nodeValue = translated;
    }
  }
  if (root.querySelectorAll) {
    root.querySelectorAll('input[placeholder]').forEach(input => {
      const translated = translate(input.getAttribute('placeholder'));
      if (translated !== null) {
        input.setAttribute('placeholder', translated);
      }
    });
  }
}

// form-js's date fields (flatpickr) read typed text in the browser's own short date format, taken
// from Intl: month/day/year in an English browser (n/j/Y), year/month/day in a Chinese one (Y/n/j).
// flatpickr's reader then takes whatever digits it finds in that order: 2014-03-05 in an English
// browser, or any date rewritten month first in a Chinese one (keeping only its year: 1 January),
// became another day. Each field's own reader is taught the year-first spellings Chinese users
// write (2014-03-05, 2014/3/5, 2014.3.5, 2014年3月5日), whatever the browser's language; anything
// else is read as flatpickr would. It reads on Enter, on Tab and when the field loses focus, and
// what it reads is both what the field shows and what the form submits (yyyy-MM-dd).
const YEAR_FIRST = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;

/** The day written year first; undefined for a day that does not exist (2014-02-30), null if not year first. */
function yearFirstDate(text) {
  const parts = YEAR_FIRST.exec(text);
  if (!parts) {
    return null;
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

function readsYearFirst(input) {
  const calendar = input && input._flatpickr;
  if (!calendar || calendar.baoxueYearFirst) {
    return;
  }
  calendar.baoxueYearFirst = true;
  // flatpickr's reader consults its config's parseDate each time it reads text; flatpickr's
  // static reader (window.flatpickr.parseDate) is the one without this hook.
  calendar.config.parseDate = (text, format) => {
    const date = yearFirstDate(text);
    return date !== null ? date : window.flatpickr.parseDate(text, format, false, calendar.l10n);
  };
}

// Capturing: the document hears a key, and the field's leaving, before the field's own listeners
// read what was typed (on Enter, on Tab, on losing focus). Not on focus: a browser whose window is
// not in front (a second window, a headless one) sends no focus events.
for (const type of ['keydown', 'blur']) {
  document.addEventListener(type, event => {
    if (event.target && event.target.classList && event.target.classList.contains('flatpickr-input')) {
      readsYearFirst(event.target);
    }
  }, true);
}

// The calendar of a date field (flatpickr), in Chinese, weeks starting on Monday.
const CHINESE_CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  time_24hr: true
};

function chineseCalendars(root) {
  if (!root.querySelectorAll) {
    return;
  }
  root.querySelectorAll('input.flatpickr-input').forEach(input => {
    const calendar = input._flatpickr;
    if (calendar && !calendar.baoxueChinese) {
      calendar.baoxueChinese = true;
      calendar.set('locale', CHINESE_CALENDAR);
      // The month list is built once, in the language of the moment: rewritten as well.
      calendar.calendarContainer.querySelectorAll('.flatpickr-monthDropdown-month').forEach(option => {
        option.textContent = CHINESE_CALENDAR.months.longhand[Number(option.value)];
      });
      calendar.calendarContainer.querySelectorAll('[aria-label="Month"]').forEach(select => {
        select.setAttribute('aria-label', '月份');
      });
      calendar.calendarContainer.querySelectorAll('[aria-label="Year"]').forEach(year => {
        year.setAttribute('aria-label', '年份');
      });
    }
  });
}

// GB 11643: 17 digits weighted, the 18th is the check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumberProblem(value) {
  const id = (value || '').trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) {
    return '身份证号应为18位，前17位为数字，末位为数字或X。';
  }
  const birth = new Date(id.substring(6, 10) + '-' + id.substring(10, 12) + '-' + id.substring(12, 14) + 'T00:00:00');
  if (isNaN(birth.getTime()) || birth.getDate() !== Number(id.substring(12, 14))) {
    return '身份证号中的出生日期不存在，请核对。';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(id[i]) * WEIGHTS[i];
  }
  if ('10X98765432'[sum % 11] !== id[17]) {
    return '身份证号校验位不正确，请核对后重新输入。';
  }
  return null;
}

function showIdProblem(input, problem) {
  const field = input.closest('.fjs-form-field');
  let message = field.querySelector('.baoxue-id-error');
  if (!message) {
    message = document.createElement('div');
    message.className = 'fjs-form-field-error baoxue-id-error';
    field.appendChild(message);
  }
  message.textContent = problem || '';
  field.classList.toggle('fjs-has-errors', !!problem);
}

function surveyChosen() {
  const chosen = document.querySelector('input[type=radio][id*="-Field_source"]:checked');
  if (!chosen) {
    return false;
  }
  const label = chosen.closest('label') || document.querySelector('label[for="' + chosen.id + '"]');
  return !!label && label.textContent.indexOf('摸排') >= 0;
}

function checkIdBeforeSubmit(event) {
  const button = event.target.closest && event.target.closest('.modal-footer .btn-primary, button[type=submit]');
  const input = document.querySelector('input[id$="-Field_studentIdNumber"]');
  if (!button || !input) {
    return;
  }
  // A child found door to door (发现途径: 摸排) may have no 身份证号 yet: Baoxue gives her a provisional number.
  const problem = !input.value.trim() && surveyChosen() ? null
    : !input.value.trim() ? '请填写身份证号；摸排发现、尚无身份证号的儿童，请在“发现途径”中选“摸排”。'
    : idNumberProblem(input.value);
  showIdProblem(input, problem);
  if (problem) {
    event.preventDefault();
    event.stopImmediatePropagation();
    input.focus();
  }
}

document.addEventListener('click', checkIdBeforeSubmit, true);
document.addEventListener('focusout', event => {
  if (event.target.id && /-Field_studentIdNumber$/.test(event.target.id) && event.target.value) {
    showIdProblem(event.target, idNumberProblem(event.target.value));
  }
}, true);

if (chinese) {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        const translated = translate(mutation.target.nodeValue);
        if (translated !== null) {
          mutation.target.nodeValue = translated;
        }
      }
      mutation.addedNodes.forEach(node => {
        const root = node.nodeType === 1 ? node : node.parentNode || document.body;
        translateTree(root);
        chineseCalendars(root);
      });
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

// The report form (发现疑似辍学) chooses the school and the home village by name: its selects take
// their options from the form's data (valuesKey reportSchoolChoices / reportVillageChoices), and
// the school (or village) is preset when the user has only one (GET /api/me/report-choices). A
// start form has no variables to load; Tasklist gives it, as its first data, what localStorage
// holds under "camunda-form:" + its task id — for a start form, which has none, "undefined". The
// choices are read again each time the start dialog is opened, so a user never sees another's.
// What the form submits is still the codes, checked by the intake as any report.
const START_FORM_DATA = 'camunda-form:undefined';

function loadReportChoices() {
  return fetch('/api/me/report-choices', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .then(choices => {
      if (!choices) {
        localStorage.removeItem(START_FORM_DATA);
        return;
      }
      const data = {reportSchoolChoices: choices.schools, reportVillageChoices: choices.villages};
      if (choices.schoolCode) {
        data.schoolCode = choices.schoolCode;
      }
      if (choices.villageCode) {
        data.villageCode = choices.villageCode;
      }
      localStorage.setItem(START_FORM_DATA, JSON.stringify(data));
    })
    .catch(() => {});
}

loadReportChoices();
document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('.start-process-action, [ng-click^="open"], a')) {
    if (!document.querySelector('.modal-dialog .form-container')) {
      loadReportChoices();
    }
  }
}, true);

// After 启动 the user is told the case number (the business key the intake gave the case), in a
// notice that stays until she closes it: Tasklist's own says only 「流程已启动」 for three seconds.
// The number comes from the answer to the start (POST …/process-definition/{id}/submit-form).
// Who reports from this form checks the report next: the case's 核实是否辍学, when she may work it
// (a teacher of the child's school), is claimed for her and so waits in 我的待办. Reports by
// scripts and imports leave it to the school (本单位待办), as the model says.
const ENGINE_API = '/camunda/api/engine/engine/default';

function notice() {
  let box = document.querySelector('.baoxue-case-started');
  if (!box) {
    box = document.createElement('div');
    box.className = 'alert alert-success baoxue-case-started';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;top:56px;left:50%;transform:translateX(-50%);z-index:2000;'
      + 'max-width:92vw;box-shadow:0 2px 8px rgba(0,0,0,.25);';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', '关闭');
    close.textContent = '×';
    close.addEventListener('click', () => box.remove());
    box.appendChild(close);
    box.appendChild(document.createElement('span'));
    document.body.appendChild(box);
  }
  return box.querySelector('span');
}

function xsrfToken() {
  const cookie = document.cookie.split('; ').find(part => part.indexOf('XSRF-TOKEN=') === 0);
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function json(response) {
  return response.ok ? response.json() : Promise.reject(response.status);
}

function takeVerification(processInstanceId) {
  const get = {credentials: 'same-origin', headers: {Accept: 'application/json'}};
  return Promise.all([
    fetch('/camunda/api/admin/auth/user/default', get).then(json),
    fetch(ENGINE_API + '/task?processInstanceId=' + encodeURIComponent(processInstanceId), get).then(json)
  ]).then(([user, tasks]) => {
    const verify = tasks.find(task => task.taskDefinitionKey === 'verify' && !task.assignee);
    if (!verify || !user.userId) {
      return false;
    }
    return fetch(ENGINE_API + '/task/' + encodeURIComponent(verify.id) + '/claim', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': xsrfToken()},
      body: JSON.stringify({userId: user.userId})
    }).then(response => response.ok);
  }).catch(() => false);
}

function announceCase(started) {
  const text = notice();
  text.textContent = '已登记个案 ' + started.businessKey + '。';
  localStorage.removeItem(START_FORM_DATA);
  loadReportChoices();
  takeVerification(started.id).then(claimed => {
    if (claimed) {
      text.textContent = '已登记个案 ' + started.businessKey + '。“核实是否辍学”已列入您的“我的待办”。';
    }
  });
}

const openRequest = XMLHttpRequest.prototype.open;
const sendRequest = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.baoxueStart = method && method.toUpperCase() === 'POST' && /\/process-definition\/[^/?]+\/submit-form(\?|$)/.test(String(url));
  return openRequest.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.baoxueStart) {
    this.addEventListener('load', () => {
      try {
        const started = JSON.parse(this.responseText);
        if (this.status < 300 && started && started.businessKey) {
          announceCase(started);
        }
      } catch (notJson) {
        // not a start's answer
      }
    });
  }
  return sendRequest.apply(this, arguments);
};

export default [];
