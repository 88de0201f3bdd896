/* benchledger workloads page: latency over target rate and the percentile spectrum, from window.BL_DATA
   (kind 'workloads'), drawn with ECharts. Latencies in milliseconds on a log axis. */
(function () {
  'use strict';
  function draw() {
    var d = window.BL_DATA;
    if (!d || d.kind !== 'workloads' || typeof echarts === 'undefined') { return; }
    var dark = !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
    function init(id) {
      var el = document.getElementById(id);
      if (!el) { return null; }
      var chart = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
      window.addEventListener('resize', function () { chart.resize(); });
      return chart;
    }
    function fmt(v) { return v === null || v === undefined || !isFinite(v) ? 'n/a' : Number(v.toPrecision(3)).toString(); }
    d.workloads.forEach(function (w) {
      var rate = init(w.rateChart);
      var narrow = rate && rate.getWidth() < 500;
      if (rate) {
        var series = Object.keys(w.latency).map(function (name) {
          return { name: name + ' ms', type: 'line', yAxisIndex: 0, showSymbol: true,
            data: w.target.map(function (t, i) { return [t, w.latency[name][i]]; }) };
        });
        series.push({ name: 'achieved req/s', type: 'line', yAxisIndex: 1, lineStyle: { type: 'dashed' },
          data: w.target.map(function (t, i) { return [t, w.achieved[i]]; }) });
        series.push({ name: 'target req/s', type: 'line', yAxisIndex: 1, symbol: 'none',
          lineStyle: { type: 'dotted', width: 1 }, data: w.target.map(function (t) { return [t, t]; }) });
        rate.setOption({
          aria: { enabled: true }, animation: false,
          title: { text: 'Latency over target rate', left: 'center', textStyle: { fontSize: 13 } },
          legend: { type: 'scroll', bottom: 0 },
          tooltip: { trigger: 'axis', valueFormatter: fmt },
          grid: { left: 60, right: 60, top: 40, bottom: 60 },
          xAxis: { type: 'value', name: 'target req/s', nameLocation: 'middle', nameGap: 25, scale: true,
            splitNumber: narrow ? 3 : 6, axisLabel: { hideOverlap: true } },
          yAxis: [{ type: 'log', name: 'latency ms' }, { type: 'value', name: 'req/s', splitLine: { show: false } }],
          series: series
        });
      }
      var spec = init(w.spectrumChart);
      if (spec) {
        spec.setOption({
          aria: { enabled: true }, animation: false,
          title: { text: 'Percentile spectrum of the request latency', left: 'center', textStyle: { fontSize: 13 } },
          legend: { type: 'scroll', bottom: 0 },
          tooltip: { trigger: 'axis', valueFormatter: fmt },
          grid: { left: 60, right: 30, top: 40, bottom: 60 },
          xAxis: { type: 'category', data: w.percentiles, name: 'percentile', nameLocation: 'middle', nameGap: 25 },
          yAxis: { type: 'log', name: 'latency ms' },
          series: w.spectrum.map(function (s) {
            return { name: s.label, type: 'line', showSymbol: true, data: s.values };
          })
        });
      }
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
})();
