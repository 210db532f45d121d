// The dashboard's charts (ECharts), one bar chart per breakdown in #chart-data.
// Tooltips render as rich text on the canvas: HTML tooltips would carry inline styles, which the
// page's Content-Security-Policy refuses.
document.addEventListener('DOMContentLoaded', function () {
  var charts = JSON.parse(document.getElementById('chart-data').textContent);
  Object.entries(charts).forEach(function (entry, index) {
    var title = entry[0];
    var counts = entry[1];
    var chart = echarts.init(document.getElementById('chart' + index));
    chart.setOption({
      title: {text: title, left: 'center', textStyle: {fontSize: 15}},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      grid: {left: 40, right: 20, bottom: 70, top: 45},
      xAxis: {type: 'category', data: Object.keys(counts), axisLabel: {interval: 0, rotate: 30}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', data: Object.values(counts), itemStyle: {color: '#1d4e89'}, label: {show: true, position: 'top'}}]
    });
  });
});
