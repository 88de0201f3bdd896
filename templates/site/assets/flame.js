// Flame graphs of execution samples (JFR or async-profiler; window.BL_FLAMES, written by the site generator),
// drawn with an ECharts custom series: one rectangle per frame, x = samples, y = stack depth (callers below).
(function () {
  'use strict';
  function hue(name) {
    var h = 0;
    for (var i = 0; i < name.length; i++) { h = (h * 31 + name.charCodeAt(i)) | 0; }
    return h;
  }
  function colour(name) {
    // a native symbol has no dots but for GCC's clone suffixes (finish_task_switch.isra.0)
    if (name !== 'all' && name.replace(/\.(isra|part|constprop|cold|lto_priv)\.\d+/g, '').indexOf('.') < 0) {
      return 'hsl(' + (90 + Math.abs(hue(name)) % 40) + ',30%,70%)';   // native code (async-profiler): green-grey
    }
    if (name.indexOf('java.') === 0 || name.indexOf('jdk.') === 0 || name.indexOf('sun.') === 0) {
      return 'hsl(' + (200 + Math.abs(hue(name)) % 30) + ',45%,72%)';   // the JDK: blue
    }
    return 'hsl(' + (15 + Math.abs(hue(name)) % 35) + ',80%,' + (58 + Math.abs(hue(name)) % 12) + '%)';  // yours: warm
  }
  function shortName(name) {
    var parts = name.split('.');
    return parts.length > 1 ? parts[parts.length - 2] + '.' + parts[parts.length - 1] : name;
  }
  function draw(el, p) {
    var depth = 0;
    p.frames.forEach(function (f) { depth = Math.max(depth, f[0]); });
    el.style.height = Math.max(160, (depth + 1) * 18 + 8) + 'px';
    var chart = echarts.init(el);
    var data = p.frames.map(function (f) { return { name: f[4], value: [f[1], f[1] + f[2], f[0], f[2], f[3]] }; });
    chart.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 2, bottom: 2 },
      xAxis: { type: 'value', min: 0, max: p.samples, show: false },
      yAxis: { type: 'value', min: 0, max: depth + 1, show: false },
      tooltip: {
        formatter: function (d) {
          var v = d.value;
          return echarts.format.encodeHTML(d.name) + '<br>' + v[3] + ' samples (' + (100 * v[3] / p.samples).toFixed(1)
            + ' %), ' + v[4] + ' on top of the stack';
        }
      },
      series: [{
        type: 'custom',
        encode: { x: [0, 1], y: 2 },
        data: data,
        renderItem: function (params, api) {
          var a = api.coord([api.value(0), api.value(2)]);
          var b = api.coord([api.value(1), api.value(2) + 1]);
          var cs = params.coordSys;
          var shape = echarts.graphic.clipRectByRect(
            { x: a[0], y: b[1], width: b[0] - a[0], height: a[1] - b[1] - 1 },
            { x: cs.x, y: cs.y, width: cs.width, height: cs.height });
          if (!shape) { return null; }
          var name = data[params.dataIndex].name;
          return {
            type: 'rect', shape: shape,
            style: { fill: colour(name), stroke: '#fff', lineWidth: 0.5 },
            textContent: { style: { text: shape.width > 36 ? shortName(name) : '', fill: '#222', fontSize: 11,
              overflow: 'truncate', width: shape.width - 6 } },
            textConfig: { position: 'insideLeft' }
          };
        }
      }]
    });
    chart.on('click', function (d) { chart.setOption({ xAxis: { min: d.value[0], max: d.value[1] } }); });
    chart.getZr().on('dblclick', function () { chart.setOption({ xAxis: { min: 0, max: p.samples } }); });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function start() {
    if (!window.echarts || !window.BL_FLAMES) { return; }
    document.querySelectorAll('.flame[data-index]').forEach(function (el) {
      draw(el, window.BL_FLAMES[Number(el.getAttribute('data-index'))]);
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
