// Every upload page (花名册导入, 组织机构导入, 工作人员账号导入): progress while the file goes up, then
// the result or the refused rows. The form names its endpoint and the key column of its rows:
//   <form id="upload" data-endpoint="/api/…" data-key-field="idNumber" data-key-label="身份证号">
(function () {
  var form = document.getElementById('upload');
  var progress = document.getElementById('progress');
  var phase = document.getElementById('phase');
  var result = document.getElementById('result');
  var token = document.querySelector('meta[name=_csrf]').content;
  var header = document.querySelector('meta[name=_csrf_header]').content;
  var keyField = form.dataset.keyField;
  var keyLabel = form.dataset.keyLabel;

  // On a phone the result is below the fold: brought into view, as the answer to the upload.
  function show(html) {
    result.hidden = false; result.innerHTML = html;
    if (result.scrollIntoView) { result.scrollIntoView({block: 'start'}); }
  }
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }

  function accepted(body) {
    var html = '<p><strong>' + esc(body.message) + '</strong></p>';
    if (body.caseNumbers && body.caseNumbers.length) {
      html += '<p>新开案件：' + body.caseNumbers.map(function (n) {
        return '<a href="/cases/' + encodeURIComponent(n) + '">' + esc(n) + '</a>'; }).join('、') + '</p>';
    }
    return html;
  }

  function refused(body) {
    var html = '<p class="error"><strong>' + esc(body.message) + '</strong></p>';
    if (body.reportUrl) {
      html += '<p><a href="' + esc(body.reportUrl) + '">下载问题报告（CSV）</a></p>';
    }
    var rows = body.badRows || [];
    if (rows.length) {
      html += '<table><thead><tr><th>行号</th><th>' + esc(keyLabel) + '</th><th>名称/姓名</th><th>问题</th></tr></thead><tbody>';
      rows.forEach(function (row) {
        html += '<tr><td>' + row.line + '</td><td>' + esc(row[keyField]) + '</td><td>' + esc(row.name) + '</td><td>' +
                esc(row.problems.join('；')) + '</td></tr>';
      });
      html += '</tbody></table>';
      if (body.badRowCount > rows.length) { html += '<p class="muted">仅显示前' + rows.length + '行，完整内容见问题报告。</p>'; }
    }
    return html;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.endpoint);
    xhr.setRequestHeader(header, token);
    progress.hidden = false; progress.value = 0; result.hidden = true;
    phase.textContent = '正在上传…';
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
    };
    xhr.upload.onload = function () {
      progress.removeAttribute('value');
      phase.textContent = '上传完成，正在逐行校验并导入，请稍候…';
    };
    xhr.onload = function () {
      progress.value = 100;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {message: '服务器返回了无法识别的结果（' + xhr.status + '）'}; }
      phase.textContent = xhr.status === 200 ? '导入完成' : '未导入';
      show(xhr.status === 200 ? accepted(body) : refused(body));
    };
    xhr.onerror = function () { phase.textContent = '网络错误，上传失败'; };
    xhr.send(data);
  });
})();
