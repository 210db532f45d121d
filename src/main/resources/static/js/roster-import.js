// The roster upload (花名册导入): progress while the file goes up, then the result or the problem rows.
(function () {
  var form = document.getElementById('upload');
  var progress = document.getElementById('progress');
  var phase = document.getElementById('phase');
  var result = document.getElementById('result');
  var token = document.querySelector('meta[name=_csrf]').content;
  var header = document.querySelector('meta[name=_csrf_header]').content;

  function show(html) { result.hidden = false; result.innerHTML = html; }
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/roster');
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
      if (xhr.status === 200) {
        phase.textContent = '导入完成';
        show('<p><strong>' + esc(body.message) + '</strong></p>' +
             (body.caseNumbers && body.caseNumbers.length ? '<p>新开案件：' + body.caseNumbers.map(function (n) {
               return '<a href="/cases/' + encodeURIComponent(n) + '">' + esc(n) + '</a>'; }).join('、') + '</p>' : ''));
      } else {
        phase.textContent = '未导入';
        var html = '<p class="error"><strong>' + esc(body.message) + '</strong></p>';
        if (body.reportUrl) {
          html += '<p><a href="' + body.reportUrl + '">下载问题报告（CSV）</a></p>';
          html += '<table><thead><tr><th>行号</th><th>身份证号</th><th>姓名</th><th>问题</th></tr></thead><tbody>';
          (body.badRows || []).forEach(function (row) {
            html += '<tr><td>' + row.line + '</td><td>' + esc(row.idNumber) + '</td><td>' + esc(row.name) + '</td><td>' +
                    esc(row.problems.join('；')) + '</td></tr>';
          });
          html += '</tbody></table>';
          if (body.badRowCount > (body.badRows || []).length) { html += '<p class="muted">仅显示前' + body.badRows.length + '行，完整内容见问题报告。</p>'; }
        }
        show(html);
      }
    };
    xhr.onerror = function () { phase.textContent = '网络错误，上传失败'; };
    xhr.send(data);
  });
})();
