/*
 * 保学外勤: today's work, my cases, the case card and the field entries, on a phone, with or
 * without signal. What the server sent last is kept on the phone (FieldStore, store.js) for
 * baoxue.field.cache-days; every entry is saved on the phone first, with an id made here, and
 * sent when the network is there: when the page opens, when the phone comes back online, after
 * each save and every half minute. The server records an entry once however often it arrives.
 * When the case moved on meanwhile, the user decides: keep as a contact record, discard, or
 * re-enter on the step now open. Nothing typed is dropped without her word.
 */
'use strict';
(function () {
  var store = window.FieldStore;
  var DAY = 24 * 3600 * 1000;
  var state = { session: null, today: [], cases: [], queue: [], sent: [], online: navigator.onLine, loggedOut: false };
  var sending = false;

  // ---- small helpers -------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.substring(2), value);
      } else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  /** Today in Beijing time, yyyy-MM-dd, whatever the phone's zone. */
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date());
  }

  function beijingTime(date) {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  }

  function notice(text, isError) {
    var box = document.getElementById('notice');
    box.textContent = text || '';
    box.hidden = !text;
    box.className = 'notice' + (isError ? ' error' : '');
  }

  function kindLabel(kind) {
    return { HOME_VISIT: '入户家访', PERSUASION: '劝返', FOLLOW_UP: '跟踪回访', CONTACT: '结对帮扶联系' }[kind] || '登记';
  }

  // ---- the phone's copy ------------------------------------------------------------------------

  function keep(key, value) {
    return store.put('data', { key: key, value: value, savedAt: Date.now() });
  }

  function cacheDays() {
    return state.session && state.session.cacheDays ? state.session.cacheDays : 7;
  }

  /** Loads what the phone keeps; copies older than the configured days are wiped, never the queue. */
  function loadKept() {
    return store.all('data').then(function (rows) {
      var limit = Date.now() - cacheDays() * DAY;
      var session = rows.filter(function (r) { return r.key === 'session'; })[0];
      if (session) { state.session = session.value; limit = Date.now() - cacheDays() * DAY; }
      return Promise.all(rows.map(function (row) {
        // The session (her name, the forms) is no one's case data and stays; cases and tasks expire.
        if (row.key !== 'session' && row.savedAt < limit) {
          state.expired = true;
          return store.remove('data', row.key);
        }
        if (row.key === 'today') { state.today = row.value; }
        if (row.key === 'cases') { state.cases = row.value; }
        return null;
      }));
    }).then(loadQueue);
  }

  function loadQueue() {
    return Promise.all([store.all('queue'), store.all('sent')]).then(function (lists) {
      state.queue = lists[0].sort(function (a, b) { return a.savedAt - b.savedAt; });
      state.sent = lists[1].sort(function (a, b) { return b.sentAt - a.sentAt; });
      showCounts();
    });
  }

  // ---- talking to Baoxue -----------------------------------------------------------------------

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) { state.loggedOut = true; throw new Error('401'); }
        if (!response.ok) { throw new Error(String(response.status)); }
        state.loggedOut = false;
        return response.json();
      });
  }

  /** The session, tasks and cases from the server, kept on the phone; false when it cannot be reached. */
  function refresh() {
    return getJson('/api/field/session').then(function (session) {
      if (state.session && state.session.userKey !== session.userKey) {
        // Another person logged in on this phone without 退出: nothing of the first one's is shown.
        state.today = [];
        state.cases = [];
        state.sent = [];
        return Promise.all([store.clear('data'), store.clear('sent')]).then(function () { return session; });
      }
      return session;
    }).then(function (session) {
      state.session = session;
      return Promise.all([getJson('/api/field/today'), getJson('/api/field/cases')]).then(function (lists) {
        state.today = lists[0];
        state.cases = lists[1];
        state.expired = false;
        setOnline(true);
        return Promise.all([keep('session', session), keep('today', lists[0]), keep('cases', lists[1])]);
      });
    }).then(function () { refreshBell(); return true; }, function () {
      if (!state.loggedOut) { setOnline(false); }
      return false;
    });
  }

  function refreshBell() {
    // The bell: her unread notifications (GET /api/me/notifications); hidden where the server has none to offer.
    fetch('/api/me/notifications', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (list) {
        var bell = document.getElementById('bell');
        if (!list) { bell.hidden = true; return; }
        var items = Array.isArray(list) ? list : (list.items || list.notifications || []);
        var unread = typeof list.unreadCount === 'number' ? list.unreadCount : typeof list.unread === 'number' ? list.unread : items.filter(function (n) { return !n.read && !n.readAt; }).length;
        bell.textContent = '通知 ' + unread;
        bell.hidden = false;
      }).catch(function () { return null; });
  }

  function send(entry, token) {
    var body = { clientId: entry.clientId, kind: entry.kind, taskId: entry.taskId || null, caseNumber: entry.caseNumber,
      fields: entry.fields };
    if (entry.resolution) { body.resolution = entry.resolution; }
    var headers = { Accept: 'application/json' };
    headers[token.header] = token.value;
    var payload;
    var files = entry.files || [];
    if (files.length) {
      body.evidence = files.map(function (f) {
        var item = { part: f.part, fileName: f.fileName, kind: f.kind, originalSha256: f.originalSha256, capturedAt: f.capturedAt };
        if (f.latitude != null && f.longitude != null) { item.latitude = f.latitude; item.longitude = f.longitude; }
        return item;
      });
      payload = new FormData();
      payload.append('entry', new Blob([JSON.stringify(body)], { type: 'application/json' }), 'entry.json');
      files.forEach(function (f) { payload.append(f.part, f.blob, f.fileName); });
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch('/api/field/entries', { method: 'POST', credentials: 'same-origin', headers: headers, body: payload })
      .then(function (response) {
        return response.text().then(function (text) {
          var answer = null;
          try { answer = text ? JSON.parse(text) : null; } catch (e) { answer = null; }
          return { status: response.status, answer: answer };
        });
      });
  }

  /** Sends what waits, oldest first; stops at the first sign that the network is gone. */
  function sendQueue() {
    if (sending) { return Promise.resolve(); }
    var waiting = state.queue.filter(function (e) { return e.state === 'queued' && mine(e); });
    if (!waiting.length) { return Promise.resolve(); }
    sending = true;
    return getJson('/api/field/session').then(function (session) {
      state.session = session;
      setOnline(true);
      var token = { header: session.csrfHeader, value: session.csrfToken };
      return waiting.reduce(function (chain, entry) {
        return chain.then(function (go) {
          if (!go) { return false; }
          return send(entry, token).then(function (reply) { return settle(entry, reply); }, function () {
            setOnline(false);
            return false;
          });
        });
      }, Promise.resolve(true));
    }, function () {
      if (!state.loggedOut) { setOnline(false); }
      return false;
    }).then(function () {
      sending = false;
      return loadQueue();
    }, function () { sending = false; return loadQueue(); }).then(function () {
      refreshView();
      return refresh();
    });
  }

  function mine(entry) {
    return !state.session || !entry.userKey || entry.userKey === state.session.userKey;
  }

  /** What the server said to one entry; true to go on with the next. */
  function settle(entry, reply) {
    var answer = reply.answer || {};
    if (reply.status === 200 || reply.status === 201) {
      notice('已发送：' + (answer.message || entry.title));
      return store.put('sent', { clientId: entry.clientId, title: entry.title, kind: entry.kind, caseNumber: entry.caseNumber,
        message: answer.message || '已登记', sentAt: Date.now() }).then(function () {
        return store.remove('queue', entry.clientId);
      }).then(function () { return true; });
    }
    if (reply.status === 401) {
      state.loggedOut = true;
      return false;
    }
    if (reply.status === 409) {
      notice('有登记需要您处理：案件在您填写后已有变化', true);
      entry.state = 'conflict';
      entry.conflict = { message: answer.message || answer.detail, choices: answer.choices || [] };
    } else if (reply.status === 400) {
      notice('有登记未能登记，请修改后重新发送', true);
      entry.state = 'invalid';
      entry.errors = (answer.errors || []).map(function (e) { return e.message; });
      if (!entry.errors.length) { entry.errors = [answer.message || answer.detail || '登记内容有误']; }
    } else {
      entry.state = 'refused';
      entry.errors = [answer.message || answer.detail || ('服务器未能登记（' + reply.status + '），请稍后重试')];
    }
    return store.put('queue', entry).then(function () { return true; });
  }

  // ---- the page --------------------------------------------------------------------------------

  function setOnline(online) {
    state.online = online;
    var badge = document.getElementById('network');
    badge.textContent = online ? '在线' : '离线';
    badge.className = 'network' + (online ? '' : ' offline');
  }

  function showCounts() {
    var waiting = state.queue.length;
    var link = document.getElementById('queued');
    link.textContent = '待发送 ' + waiting + ' 条';
    link.className = 'queued' + (waiting ? ' has' : '');
    document.getElementById('user').textContent = state.session ? state.session.user : '';
  }

  function route() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, '')) || 'today';
    return hash.split('/');
  }

  /** Re-draws after data came in, except over a form being typed. */
  function refreshView() {
    showCounts();
    if (route()[0] !== 'entry') { render(); }
  }

  function render() {
    showCounts();
    var parts = route();
    var view = document.getElementById('view');
    view.innerHTML = '';
    Array.prototype.forEach.call(document.querySelectorAll('.tabs a'), function (a) {
      a.className = a.getAttribute('data-tab') === parts[0] ? 'active' : '';
    });
    if (state.loggedOut) {
      view.appendChild(el('div', { 'class': 'card' }, [
        el('p', { text: '登录已过期。手机上保存的登记不会丢失，请重新登录后再发送。' }),
        el('a', { 'class': 'button', href: '/login', text: '重新登录' })]));
    }
    if (parts[0] === 'cases') { renderCases(view); } else if (parts[0] === 'case') { renderCase(view, parts[1]); }
    else if (parts[0] === 'entry') { renderEntry(view, parts[1], parts[2], parts[3], parts[4]); }
    else if (parts[0] === 'queue') { renderQueue(view); } else { renderToday(view); }
  }

  function expiredNote(view) {
    if (state.expired) {
      view.appendChild(el('p', { 'class': 'notice error', text: '手机上保存的个案与任务已超过 ' + cacheDays() + ' 天，已删除。请在有网络时打开本应用，重新取得。' }));
    }
    return state.expired;
  }

  function renderToday(view) {
    view.appendChild(el('h1', { text: '今日工作' }));
    if (expiredNote(view)) { return; }
    if (!state.today.length) {
      view.appendChild(el('p', { 'class': 'muted', text: state.session ? '今天没有待办任务。' : '尚未取得任务：请在有网络时打开本应用。' }));
      return;
    }
    state.today.forEach(function (item) { view.appendChild(workCard(item, true)); });
  }

  function workCard(item, withCase) {
    var queued = state.queue.some(function (e) { return e.taskId === item.taskId; });
    return el('div', { 'class': 'card work', 'data-task': item.taskId }, [
      el('h3', { text: item.taskName }),
      withCase && item.caseNumber ? el('p', {}, [el('a', { href: '#case/' + item.caseNumber, text: item.studentName + '（' + item.village + '）' }),
        el('span', { 'class': 'muted', text: ' 案件 ' + item.caseNumber })]) : null,
      el('p', { 'class': 'due' + (item.overdue ? ' overdue' : ''), text: item.due ? (item.overdue ? '已逾期，期限 ' : '办理期限 ') + item.due : '无期限' }),
      queued ? el('p', {}, [el('span', { 'class': 'tag amber', text: '已填写，待发送' })]) :
        item.kind ? el('a', { 'class': 'button', href: '#entry/' + item.kind + '/' + item.taskId + '/' + item.caseNumber, text: '填写' + kindLabel(item.kind) }) :
          el('p', { 'class': 'muted', text: '此任务请在电脑上的“我的待办”中办理' })
    ]);
  }

  function renderCases(view) {
    view.appendChild(el('h1', { text: '我的个案' }));
    if (expiredNote(view)) { return; }
    if (!state.cases.length) {
      view.appendChild(el('p', { 'class': 'muted', text: state.session ? '您目前没有包保或待办的个案。' : '尚未取得个案：请在有网络时打开本应用。' }));
      return;
    }
    state.cases.forEach(function (c) {
      view.appendChild(el('div', { 'class': 'card' }, [
        el('h3', {}, [el('a', { href: '#case/' + c.caseNumber, text: c.studentName })]),
        el('p', { 'class': 'muted', text: c.school + (c.grade ? ' · ' + c.grade + '年级' : '') + ' · ' + c.village }),
        el('p', {}, [el('span', { 'class': 'tag', text: c.status }), c.rung ? el('span', { 'class': 'tag', text: c.rung }) : null,
          c.openTasks.length ? el('span', { 'class': 'tag amber', text: '待办 ' + c.openTasks.length }) : null])
      ]));
    });
  }

  function findCase(caseNumber) {
    return state.cases.filter(function (c) { return c.caseNumber === caseNumber; })[0];
  }

  function renderCase(view, caseNumber) {
    var c = findCase(caseNumber);
    if (!c) {
      view.appendChild(el('p', { 'class': 'muted', text: '手机上没有这个案件的资料。' }));
      return;
    }
    view.appendChild(el('h1', { text: c.studentName + '（' + c.gender + '，' + c.grade + '年级）' }));
    view.appendChild(el('div', { 'class': 'card' }, [
      el('dl', { 'class': 'facts' }, [
        el('dt', { text: '案件编号' }), el('dd', { text: c.caseNumber }),
        el('dt', { text: '身份证号' }), el('dd', { text: c.idNumber }),
        el('dt', { text: '出生日期' }), el('dd', { text: c.birthDate || '—' }),
        el('dt', { text: '学校' }), el('dd', { text: c.school }),
        el('dt', { text: '户籍' }), el('dd', { text: c.village + '（' + c.township + '）' }),
        el('dt', { text: '监护人' }), el('dd', { text: (c.guardianName || '—') + (c.guardianPhone ? '，' + c.guardianPhone : '') }),
        el('dt', { text: '包保人' }), el('dd', { text: c.helpers.length ? c.helpers.join('、') : '尚未指定' }),
        el('dt', { text: '状态' }), el('dd', { text: c.status + (c.rung ? '；' + c.rung : '') }),
        el('dt', { text: '辍学原因' }), el('dd', { text: c.reason || '—' })]),
      c.masked ? el('p', { 'class': 'muted', text: '（个人信息已部分隐去）' }) : null
    ]));
    if (c.openTasks.length) {
      view.appendChild(el('h2', { text: '待办' }));
      c.openTasks.forEach(function (item) { view.appendChild(workCard(item, false)); });
    }
    if (c.mayRecordContacts) {
      view.appendChild(el('a', { 'class': 'button secondary', href: '#entry/CONTACT/-/' + c.caseNumber, text: '登记结对帮扶联系' }));
    }
    view.appendChild(el('h2', { text: '最近的走访与联系' }));
    view.appendChild(c.recent.length ? el('ul', { 'class': 'recent' }, c.recent.map(function (r) {
      return el('li', {}, [el('strong', { text: r.what }), ' ' + r.day + ' ' + r.doneBy,
        r.result ? el('div', { text: r.result }) : null, r.notes ? el('div', { 'class': 'muted', text: r.notes }) : null]);
    })) : el('p', { 'class': 'muted', text: '还没有记录。' }));
  }

  /** The form of one entry; {@code from} names a queued entry being entered again (same id). */
  function renderEntry(view, kind, taskId, caseNumber, from) {
    var inputs = state.session && state.session.forms ? state.session.forms[kind] : null;
    if (!inputs) {
      view.appendChild(el('p', { 'class': 'muted', text: '表单尚未取得：请在有网络时打开一次本应用。' }));
      return;
    }
    var earlier = from ? state.queue.filter(function (e) { return e.clientId === from; })[0] : null;
    var c = findCase(caseNumber);
    var task = state.today.filter(function (t) { return t.taskId === taskId; })[0];
    var title = (task ? task.taskName : kindLabel(kind)) + (c ? ' · ' + c.studentName : '');
    view.appendChild(el('h1', { text: title }));
    if (!state.online) {
      view.appendChild(el('p', { 'class': 'muted', text: '现在离线：保存后登记留在手机上，有网络时自动发送。' }));
    }
    var form = el('form', { 'class': 'entry', novalidate: true });
    var carried = {};
    if (earlier && earlier.kind !== kind) {
      // Entered again on another step: what she typed stays in view, its notes carried into this form's.
      var before = (state.session.forms[earlier.kind] || []).filter(function (i) { return earlier.fields[i.key]; });
      view.appendChild(el('div', { 'class': 'card', id: 'typed-before' }, [el('h3', { text: '您原来填写的内容（' + kindLabel(earlier.kind) + '）' })]
        .concat(before.map(function (i) {
          var shown = (i.options || []).filter(function (o) { return o.value === earlier.fields[i.key]; }).map(function (o) { return o.label; })[0];
          return el('p', { text: i.label + '：' + (shown || earlier.fields[i.key]) });
        }))));
      var notes = before.filter(function (i) { return i.multiline; }).map(function (i) { return earlier.fields[i.key]; }).join('\n');
      inputs.filter(function (i) { return i.multiline; }).slice(0, 1).forEach(function (i) { carried[i.key] = notes; });
    }
    inputs.forEach(function (input) {
      var id = 'f-' + input.key;
      var value = carried[input.key] !== undefined ? carried[input.key]
        : earlier && earlier.fields[input.key] !== undefined ? earlier.fields[input.key] : (input.type === 'DATE' ? today() : '');
      var control;
      if (input.options && input.options.length) {
        control = el('select', { id: id, name: input.key }, [el('option', { value: '', text: '请选择' })].concat(input.options.map(function (o) {
          return el('option', { value: o.value, text: o.label });
        })));
      } else if (input.multiline) {
        control = el('textarea', { id: id, name: input.key });
      } else {
        control = el('input', { id: id, name: input.key, type: input.type === 'DATE' ? 'date' : input.type === 'NUMBER' || input.type === 'INTEGER' ? 'number' : 'text' });
      }
      if (input.type === 'DATE') { control.setAttribute('max', today()); }
      control.value = value === null ? '' : value;
      form.appendChild(el('label', { 'for': id, 'class': input.required ? 'required' : null, text: input.label }));
      form.appendChild(control);
      form.appendChild(el('p', { 'class': 'error-text', id: 'e-' + input.key, hidden: true }));
    });
    var evidence = evidenceInputs(form, kind, earlier);
    form.appendChild(el('button', { type: 'submit', 'class': 'primary', id: 'save', text: '保存' }));
    form.appendChild(el('a', { 'class': 'button secondary', href: c ? '#case/' + c.caseNumber : '#today', text: '取消' }));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var fields = {};
      var missing = false;
      inputs.forEach(function (input) {
        var raw = form.elements[input.key].value.trim();
        var error = document.getElementById('e-' + input.key);
        error.hidden = true;
        if (input.required && !raw) {
          error.textContent = '请填写' + input.label;
          error.hidden = false;
          missing = true;
        }
        if (raw) { fields[input.key] = (input.type === 'NUMBER' || input.type === 'INTEGER') && kind !== 'CONTACT' ? Number(raw) : raw; }
      });
      if (missing) { return; }
      document.getElementById('save').disabled = true;
      evidence.collect().then(function (files) { saveEntry(files, fields); });
    });
    function saveEntry(files, fields) {
      var entry = earlier || { clientId: uuid(), savedAt: Date.now() };
      entry.files = files;
      entry.kind = kind;
      entry.taskId = taskId === '-' ? null : taskId;
      entry.caseNumber = caseNumber;
      entry.fields = fields;
      entry.title = title;
      entry.state = 'queued';
      entry.userKey = state.session ? state.session.userKey : null;
      delete entry.conflict;
      delete entry.errors;
      delete entry.resolution;
      store.put('queue', entry).then(loadQueue).then(function () {
        notice('已保存到手机' + (state.online ? '，正在发送…' : '，有网络时自动发送'));
        location.hash = '#queue';
        return sendQueue();
      });
    }
    view.appendChild(form);
  }

  // ---- evidence: photos downscaled on the phone, a signature drawn on the screen ------------------

  var MAX_SIDE = 1600;

  /** The hex SHA-256 of a blob; null where the browser offers no digest (pages not on HTTPS). */
  function sha256(blob) {
    if (!(window.crypto && crypto.subtle)) { return Promise.resolve(null); }
    return blob.arrayBuffer().then(function (bytes) { return crypto.subtle.digest('SHA-256', bytes); }).then(function (hash) {
      return Array.prototype.map.call(new Uint8Array(hash), function (x) { return (x + 256).toString(16).substring(1); }).join('');
    });
  }

  /** A photo at most 1600 pixels on its longer side, re-encoded (which drops its EXIF), with the original's hash. */
  function downscale(file) {
    return Promise.all([sha256(file), createImageBitmap(file)]).then(function (results) {
      var bitmap = results[1];
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); }).then(function (blob) {
        return { blob: blob, fileName: (file.name || '照片').replace(/\.[^.]*$/, '') + '.jpg', kind: 'PHOTO', originalSha256: results[0],
          capturedAt: new Date(file.lastModified || Date.now()).toISOString() };
      });
    });
  }

  function thumbnail(blob, into) {
    var reader = new FileReader();
    reader.onload = function () { into.appendChild(el('img', { 'class': 'thumb', src: reader.result, alt: '照片' })); };
    reader.readAsDataURL(blob);
  }

  /** The photo picker (camera on a phone) and, for a home visit, the guardian's signature pad. */
  function evidenceInputs(form, kind, earlier) {
    var kept = earlier && earlier.files ? earlier.files.slice() : [];
    var photos = [];
    var pending = Promise.resolve();
    var previews = el('div', { 'class': 'thumbs', id: 'photo-previews' });
    kept.forEach(function (f) { thumbnail(f.blob, previews); });
    var picker = el('input', { type: 'file', id: 'f-photos', accept: 'image/*', capture: 'environment', multiple: true });
    picker.addEventListener('change', function () {
      Array.prototype.forEach.call(picker.files, function (file) {
        pending = pending.then(function () { return downscale(file); }).then(function (photo) {
          photos.push(photo);
          thumbnail(photo.blob, previews);
        }, function () { notice('这张照片无法读取，请重新拍摄', true); });
      });
    });
    form.appendChild(el('label', { 'for': 'f-photos', text: '现场照片（佐证材料）' }));
    form.appendChild(picker);
    form.appendChild(previews);
    // Recordings, scans and PDFs go as they are (the server knows each by its bytes); a phone
    // offers its voice recorder and its files here.
    var attachments = [];
    var attached = el('ul', { 'class': 'attachments', id: 'attachment-list' });
    var attachPicker = el('input', { type: 'file', id: 'f-attachments', accept: 'audio/*,application/pdf,image/*', multiple: true });
    attachPicker.addEventListener('change', function () {
      Array.prototype.forEach.call(attachPicker.files, function (file) {
        pending = pending.then(function () { return sha256(file); }).then(function (hash) {
          var kind = /^image\//.test(file.type) ? 'SCAN' : null;
          attachments.push({ blob: file, fileName: file.name || '附件', kind: kind, originalSha256: hash,
            capturedAt: new Date(file.lastModified || Date.now()).toISOString() });
          attached.appendChild(el('li', { text: (/^audio\//.test(file.type) ? '录音：' : kind ? '扫描件：' : '文件：') + (file.name || '附件').replace(/\.[^.]*$/, '') }));
        });
      });
    });
    form.appendChild(el('label', { 'for': 'f-attachments', text: '录音、扫描件或电子文档（可选）' }));
    form.appendChild(attachPicker);
    form.appendChild(attached);
    // The place of the visit, only when she asks for it: taken once from the phone's GPS, which
    // works without signal, and kept with every item of this entry.
    var place = null;
    var placeBox = el('input', { type: 'checkbox', id: 'f-place' });
    var placeNote = el('span', { 'class': 'hint', id: 'place-note' });
    placeBox.addEventListener('change', function () {
      place = null;
      placeNote.textContent = '';
      if (!placeBox.checked) { return; }
      if (!navigator.geolocation) { placeBox.checked = false; placeNote.textContent = '这部手机不能提供位置'; return; }
      placeNote.textContent = '正在取得位置…';
      navigator.geolocation.getCurrentPosition(function (position) {
        place = { latitude: position.coords.latitude, longitude: position.coords.longitude };
        placeNote.textContent = '已记录地点（纬度 ' + place.latitude.toFixed(4) + '，经度 ' + place.longitude.toFixed(4) + '）';
      }, function () {
        placeBox.checked = false;
        placeNote.textContent = '无法取得位置，将不记录地点';
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 300000 });
    });
    form.appendChild(el('label', { 'class': 'check', 'for': 'f-place' }, [placeBox, document.createTextNode(' 记录拍摄地点（手机定位）')]));
    form.appendChild(placeNote);
    var pad = null;
    if (kind === 'HOME_VISIT') {
      pad = signaturePad();
      form.appendChild(el('label', { 'for': 'signature', text: '监护人签名（承诺书）' }));
      form.appendChild(pad.canvas);
      form.appendChild(el('button', { type: 'button', 'class': 'secondary', text: '清除签名', onclick: pad.clear }));
    }
    return {
      collect: function () {
        return pending.then(function () { return pad && pad.signed() ? pad.blob() : null; }).then(function (signature) {
          var files = kept.concat(photos, attachments);
          if (signature) { files.push({ blob: signature, fileName: '监护人签名.png', kind: 'SIGNATURE', originalSha256: null, capturedAt: new Date().toISOString() }); }
          return Promise.all(files.map(function (f) {
            return f.originalSha256 || f.kind !== 'SIGNATURE' ? f : sha256(f.blob).then(function (h) { f.originalSha256 = h; return f; });
          }));
        }).then(function (files) {
          files.forEach(function (f, i) {
            f.part = 'file' + i;
            if (place && f.latitude == null) { f.latitude = place.latitude; f.longitude = place.longitude; }
          });
          return files;
        });
      }
    };
  }

  function signaturePad() {
    var canvas = el('canvas', { id: 'signature', 'class': 'signature', width: 640, height: 320 });
    var context = canvas.getContext('2d');
    var drawing = false;
    var drawn = false;
    context.lineWidth = 4;
    context.lineCap = 'round';
    context.strokeStyle = '#111';
    function point(event) {
      var box = canvas.getBoundingClientRect();
      return { x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height };
    }
    canvas.addEventListener('pointerdown', function (event) {
      drawing = true;
      var p = point(event);
      context.beginPath();
      context.moveTo(p.x, p.y);
      event.preventDefault();
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!drawing) { return; }
      var p = point(event);
      context.lineTo(p.x, p.y);
      context.stroke();
      drawn = true;
    });
    ['pointerup', 'pointerleave', 'pointercancel'].forEach(function (name) {
      canvas.addEventListener(name, function () { drawing = false; });
    });
    return {
      canvas: canvas,
      signed: function () { return drawn; },
      clear: function () { context.clearRect(0, 0, canvas.width, canvas.height); drawn = false; },
      blob: function () {
        // White behind the strokes: a transparent PNG shows black on black in some viewers.
        var copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        var c = copy.getContext('2d');
        c.fillStyle = '#fff';
        c.fillRect(0, 0, copy.width, copy.height);
        c.drawImage(canvas, 0, 0);
        return new Promise(function (resolve) { copy.toBlob(resolve, 'image/png'); });
      }
    };
  }

  function renderQueue(view) {
    view.appendChild(el('h1', { text: '待发送' }));
    var others = state.queue.filter(function (e) { return !mine(e); }).length;
    if (others) {
      view.appendChild(el('p', { 'class': 'muted', text: '另有 ' + others + ' 条登记属于在本机登录过的另一个账号，用该账号登录后自动发送。' }));
    }
    var own = state.queue.filter(mine);
    if (!own.length) {
      view.appendChild(el('p', { 'class': 'muted', text: '没有待发送的登记。' }));
    }
    own.forEach(function (entry) {
      var card = el('div', { 'class': 'card queue-entry' + (entry.state === 'conflict' ? ' conflict' : entry.state === 'queued' ? '' : ' invalid'),
        'data-client-id': entry.clientId }, [
        el('h3', { text: entry.title }),
        el('p', { 'class': 'muted', text: '保存于 ' + beijingTime(new Date(entry.savedAt))
          + (entry.files && entry.files.length ? '；附佐证材料 ' + entry.files.length + ' 件' : '') }),
        el('p', { 'class': 'state', text: entry.state === 'queued' ? '等待发送' : entry.state === 'conflict' ? '需要您处理' : '未能登记' })
      ]);
      if (entry.state === 'conflict') {
        card.appendChild(el('p', { 'class': 'conflict-message', text: entry.conflict.message }));
        entry.conflict.choices.forEach(function (choice) {
          card.appendChild(el('button', { type: 'button', 'class': choice.code === 'DISCARD' ? 'danger' : 'primary', 'data-choice': choice.code,
            text: choice.label + (choice.code === 'REENTER' && choice.taskName ? '（' + choice.taskName + '）' : ''),
            onclick: function () { resolve(entry, choice); } }));
        });
      } else if (entry.state !== 'queued') {
        (entry.errors || []).forEach(function (text) { card.appendChild(el('p', { 'class': 'error-text', text: text })); });
        card.appendChild(el('a', { 'class': 'button', href: '#entry/' + entry.kind + '/' + (entry.taskId || '-') + '/' + entry.caseNumber + '/' + entry.clientId, text: '修改后重新发送' }));
        card.appendChild(el('button', { type: 'button', 'class': 'danger', text: '放弃', onclick: function () { resolve(entry, { code: 'DISCARD' }); } }));
      }
      view.appendChild(card);
    });
    if (state.sent.length) {
      view.appendChild(el('h2', { text: '已发送' }));
      state.sent.slice(0, 20).forEach(function (s) {
        view.appendChild(el('div', { 'class': 'card sent-entry', 'data-client-id': s.clientId }, [
          el('h3', { text: s.title }), el('p', { text: s.message }),
          el('p', { 'class': 'muted', text: '发送于 ' + beijingTime(new Date(s.sentAt)) })]));
      });
    }
  }

  function resolve(entry, choice) {
    if (choice.code === 'DISCARD') {
      if (!window.confirm('确定放弃这条登记吗？放弃后手机上不再保留，无法恢复。')) { return; }
      store.remove('queue', entry.clientId).then(loadQueue).then(render);
    } else if (choice.code === 'CONTACT') {
      entry.resolution = 'CONTACT';
      entry.state = 'queued';
      store.put('queue', entry).then(loadQueue).then(render).then(sendQueue);
    } else if (choice.code === 'REENTER') {
      location.hash = '#entry/' + choice.kind + '/' + choice.taskId + '/' + entry.caseNumber + '/' + entry.clientId;
    }
  }

  function logOut() {
    var waiting = state.queue.length;
    var question = waiting ? '还有 ' + waiting + ' 条登记没有发送。退出会删除手机上保存的全部资料，包括这些登记。确定退出吗？'
      : '退出后，手机上保存的个案与任务将被删除。确定退出吗？';
    if (!window.confirm(question)) { return; }
    var token = state.session;
    var wipe = Promise.all([store.wipe(), window.caches ? caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    }) : null]);
    wipe.then(function () {
      var form = document.getElementById('logout-form');
      if (token && token.csrfToken) {
        form.appendChild(el('input', { type: 'hidden', name: token.csrfParameter || '_csrf', value: token.csrfToken }));
      }
      if (navigator.onLine) { form.submit(); } else {
        state = { session: null, today: [], cases: [], queue: [], sent: [], online: false, loggedOut: true };
        render();
        notice('已删除手机上的资料。有网络时请重新登录。');
      }
    });
  }

  // ---- start -----------------------------------------------------------------------------------

  function start() {
    document.getElementById('logout').addEventListener('click', logOut);
    window.addEventListener('hashchange', render);
    window.addEventListener('online', function () { setOnline(true); sendQueue().then(refreshView); });
    window.addEventListener('offline', function () { setOnline(false); refreshView(); });
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(function () { return null; });
      // After a 退出 wiped the caches the worker stays: it is asked to keep the whole shell again.
      navigator.serviceWorker.ready.then(function (registration) {
        if (registration.active && navigator.onLine) { registration.active.postMessage('keep-shell'); }
      });
    }
    loadKept().then(function () {
      setOnline(navigator.onLine);
      render();
      return refresh();
    }).then(function () {
      refreshView();
      return sendQueue();
    }).then(refreshView);
    window.setInterval(function () { if (state.queue.some(function (e) { return e.state === 'queued'; })) { sendQueue().then(refreshView); } }, 30000);
  }

  document.addEventListener('DOMContentLoaded', start);
}());
