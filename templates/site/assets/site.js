/* benchledger site: sortable tables, benchmark filter, copy buttons and the ECharts charts.
   Chart data comes from a script file that sets window.BL_DATA (fetch() of local files fails on file://).
   Every text from the archive is put into the page as text (textContent, ECharts labels), never as HTML. */
(function () {
  'use strict';
  var dark = !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  window.BL_CHARTS = [];

  // ------------------------------------------------------------------ tables
  function cellValue(row, col) {
    var c = row.children[col];
    return c ? (c.getAttribute('data-v') || '') : '';
  }

  function sortBy(button) {
    var th = button.closest('th');
    var table = button.closest('table');
    var col = Number(button.getAttribute('data-col'));
    var numeric = button.getAttribute('data-type') === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (h) {
      h.setAttribute('aria-sort', 'none');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r._i = i; });
    rows.sort(function (a, b) {
      var x = cellValue(a, col), y = cellValue(b, col), d;
      if (numeric) {
        // empty (no value) sorts last in either direction
        if (x === '' || y === '') { return x === y ? a._i - b._i : (x === '' ? 1 : -1); }
        d = parseFloat(x) - parseFloat(y);
      } else {
        d = x.localeCompare(y);
      }
      if (!ascending) { d = -d; }
      return d !== 0 ? d : a._i - b._i;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function setupFilter(input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    var status = document.getElementById('filter-count');
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var hit = q === '' || r.textContent.toLowerCase().indexOf(q) >= 0;
        r.hidden = !hit;
        if (hit) { shown++; }
      });
      if (status) { status.textContent = shown + ' of ' + rows.length + ' shown'; }
    }
    input.addEventListener('input', apply);
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) { input.value = q; }
    apply();
  }

  // ------------------------------------------------------------------ charts
  function init(el) {
    var chart = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
    window.BL_CHARTS.push(chart);
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function num(v) {
    if (v === null || v === undefined || !isFinite(v)) { return '–'; }
    var a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e7)) { return v.toExponential(3); }
    return Number(v.toPrecision(4)).toString();
  }

  function pct(v) {
    return (v === null || !isFinite(v)) ? '–' : (v >= 0 ? '+' : '') + (v * 100).toFixed(1) + ' %';
  }

  // The chart data names runs by index into window.BL_RUNS (charts/runs.js, shared by every benchmark
  // page), as differences, with each score's interval as half-widths. Expands it into the page's runs
  // (d.runs: ri, t, v, c for the runs the page shows, in time order) and per series p (position in
  // d.runs), y, lo and hi.
  function expandBenchmark(d, R) {
    var t = [], acc = 0, i;
    for (i = 0; i < R.t.length; i++) { acc += R.t[i]; t.push(acc); }
    var used = {};
    d.series.forEach(function (s) {
      var ri = 0;
      s.ri = s.r.map(function (x) { ri += x; used[ri] = true; return ri; });
      s.hi = s.y.map(function (y, k) { return y === null || s.e[k] === null ? null : y + s.e[k]; });
      s.lo = s.y.map(function (y, k) {
        if (y === null || s.e[k] === null) { return null; }
        if (s.el) { return s.el[k] === null ? null : y - s.el[k]; }
        // as SiteData: a non-negative score's interval is drawn from 0 where it would reach below
        return y >= 0 && y - s.e[k] < 0 ? 0 : y - s.e[k];
      });
    });
    var list = Object.keys(used).map(Number).sort(function (a, b) { return a - b; });
    var pos = {};
    list.forEach(function (ri, k) { pos[ri] = k; });
    d.series.forEach(function (s) { s.p = s.ri.map(function (ri) { return pos[ri]; }); });
    d.runs = { ri: list, t: list.map(function (ri) { return t[ri]; }), v: list.map(function (ri) { return R.v[ri]; }),
      c: list.map(function (ri) { return R.c[ri]; }) };
    d.versions = R.versions;
  }

  function benchmark(d) {
    expandBenchmark(d, window.BL_RUNS);
    var chartEl = document.getElementById('history-chart');
    var distEl = document.getElementById('dist-chart');
    var pick = document.getElementById('series-pick');
    var note = document.getElementById('history-note');
    var chart = init(chartEl);
    var dist = init(distEl);
    var runs = d.runs;

    function xOf(p, mode) { return mode === 'version' ? runs.ri[p] : runs.t[p]; }
    function versionAt(x) {
      var lo = 0, hi = runs.ri.length - 1, k = 0;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (runs.ri[mid] <= x) { k = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      return d.versions[runs.v[k]] || '';
    }
    // the run index of the page's first run at or after time t (runs are in time order)
    function riAt(t) {
      var lo = 0, hi = runs.t.length - 1, k = hi;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (runs.t[mid] >= t) { k = mid; hi = mid - 1; } else { lo = mid + 1; }
      }
      return runs.ri[k];
    }
    function yScale() {
      var checked = document.querySelector('input[name="yscale"]:checked');
      return checked ? checked.value : 'robust';
    }
    // The bulk of the data: the 1st to 99th percentile (type 7), widened by half that range on each
    // side. A level the series held for a while lies inside; a few outlier runs beyond it do not set
    // the axis and flatten the series into a line. Null when no value lies beyond it.
    function robustRange(values) {
      var v = values.filter(function (x) { return x !== null && isFinite(x); }).sort(function (a, b) { return a - b; });
      if (v.length < 8) { return null; }
      function q(p) { var h = (v.length - 1) * p, i = Math.floor(h); return v[i] + (h - i) * (v[Math.min(i + 1, v.length - 1)] - v[i]); }
      var p1 = q(0.01), p99 = q(0.99), lo = p1 - 0.5 * (p99 - p1), hi = p99 + 0.5 * (p99 - p1);
      var inside = v.filter(function (x) { return x >= lo && x <= hi; });
      if (inside.length === v.length || inside.length === 0) { return null; }
      var min = inside[0], max = inside[inside.length - 1];
      var pad = (max - min) * 0.08 || Math.abs(max) * 0.05 || 1;
      // round the ends to a step of the axis, so their labels read as round numbers
      var step = Math.pow(10, Math.floor(Math.log10((max - min + 2 * pad) / 5)));
      return { min: Math.floor((min - pad) / step) * step, max: Math.ceil((max + pad) / step) * step };
    }
    function mode() {
      var checked = document.querySelector('input[name="xmode"]:checked');
      return checked ? checked.value : 'date';
    }

    function draw() {
      var m = mode();
      var picked = pick.value === 'all' ? d.series.map(function (s, i) { return i; }) : [Number(pick.value)];
      var series = [];
      var shown = 0, total = 0;
      var allY = [], pts = [];
      picked.forEach(function (si) {
        var s = d.series[si];
        shown += s.p.length; total += s.total;
        var line = s.p.map(function (p, k) { return [xOf(p, m), s.y[k], p]; });
        var main = {
          name: s.label, type: 'line', data: line, showSymbol: line.length < 80, symbolSize: 4,
          sampling: 'lttb', z: 3, emphasis: { focus: 'series' }
        };
        if (picked.length === 1) {
          var lower = [], band = [];
          s.p.forEach(function (p, k) {
            var ok = s.lo[k] !== null && s.hi[k] !== null;
            lower.push([xOf(p, m), ok ? s.lo[k] : null]);
            band.push([xOf(p, m), ok ? s.hi[k] - s.lo[k] : null]);
          });
          series.push({ name: 'interval low', type: 'line', data: lower, stack: 'band', symbol: 'none',
            lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true });
          series.push({ name: 'confidence band', type: 'line', data: band, stack: 'band', symbol: 'none',
            lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.25 }, tooltip: { show: false }, silent: true });
          // many change points: small pins whose labels show on hover, so labels never pile up
          var many = s.changePoints.length > 6;
          main.markPoint = {
            symbol: 'pin', symbolSize: many ? 20 : 36, label: { show: !many },
            emphasis: { label: { show: true, position: 'top' } },
            data: s.changePoints.map(function (c) {
              return { coord: [m === 'version' ? c.ri : c.t, c.y], value: pct(c.change), name: c.label, href: c.href,
                itemStyle: { color: c.direction === 'regression' ? '#d1242f' : '#1a7f37' } };
            })
          };
          var lines = s.budgets.map(function (b) {
            return { yAxis: b.y, name: b.label, label: { formatter: b.label },
              lineStyle: { type: 'dashed', color: b.level === 'critical' ? '#d1242f' : '#bf8700' } };
          });
          d.env.forEach(function (e) {
            lines.push({ xAxis: m === 'version' ? e.ri : e.t, name: 'environment: ' + e.label,
              label: { formatter: 'env' }, lineStyle: { type: 'dotted', color: '#8250df' } });
          });
          main.markLine = { symbol: 'none', silent: false, data: lines };
          if (s.trend && s.trend.y0 !== undefined) {
            // the trend's own window (the last 30 days since the last step, as the history command), not the whole history
            series.push({ name: 'trend', type: 'line', symbol: 'none', silent: true,
              lineStyle: { type: 'dashed', width: 1 }, tooltip: { show: false },
              data: [[m === 'version' ? riAt(s.trend.t0) : s.trend.t0, s.trend.y0],
                [m === 'version' ? riAt(s.trend.t1) : s.trend.t1, s.trend.y1]] });
          }
          (s.drifts || []).forEach(function (dr) {
            series.push({ name: dr.label, type: 'line', symbol: 'none', silent: true, tooltip: { show: false },
              lineStyle: { width: 3, color: dr.direction === 'regression' ? '#d1242f' : '#1a7f37' },
              data: [[m === 'version' ? dr.ri0 : dr.t0, dr.y0], [m === 'version' ? dr.ri1 : dr.t1, dr.y1]] });
          });
        }
        series.push(main);
        allY = allY.concat(s.y);
        line.forEach(function (pt) { pts.push(pt); });
      });
      var scale = yScale();
      var range = scale === 'robust' ? robustRange(allY) : null;
      var clipped = 0;
      if (range) {
        var off = [];
        pts.forEach(function (pt) {
          if (pt[1] === null || !isFinite(pt[1])) { return; }
          if (pt[1] > range.max || pt[1] < range.min) {
            clipped++;
            var up = pt[1] > range.max;
            off.push({ value: [pt[0], up ? range.max : range.min, pt[2], pt[1]], symbolRotate: up ? 0 : 180 });
          }
        });
        series.push({ name: 'off scale', type: 'scatter', symbol: 'triangle', symbolSize: 10, z: 4,
          itemStyle: { color: '#bc4c00' }, data: off });
      }
      var xAxis = m === 'version'
        ? { type: 'value', name: 'version', scale: true, minInterval: 1,
            axisLabel: { formatter: function (v) { return versionAt(v); }, hideOverlap: true } }
        : { type: 'time', name: 'date' };
      var unit = d.series[picked[0]].unit;
      chart.setOption({
        aria: { enabled: true },
        animation: false,
        tooltip: { trigger: 'axis', formatter: function (items) {
          var lines = [];
          items.forEach(function (it) {
            var row = it.data && (it.data.value || it.data);
            if (!row || row.length < 3) { return; }
            var p = row[2];
            if (lines.length === 0) {
              lines.push(new Date(runs.t[p]).toISOString().slice(0, 16).replace('T', ' ') + ' · ' +
                (d.versions[runs.v[p]] || '') + (runs.c[p] ? ' · ' + runs.c[p] : ''));
            }
            var d3 = it.data.value || it.data;
            lines.push(it.seriesName + ': ' + num(d3.length > 3 ? d3[3] : d3[1]) + ' ' + unit);
          });
          // ECharts sets the tooltip as HTML: escape the archive's text
          return lines.map(function (l) {
            return l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          }).join('<br>');
        } },
        legend: { type: 'scroll', top: 0, data: series.map(function (x) { return x.name; })
          .filter(function (n) { return n !== 'interval low'; }) },
        grid: { left: 70, right: 40, top: 40, bottom: 60 },
        xAxis: xAxis,
        yAxis: scale === 'log' ? { type: 'log', name: unit + ' (log)' }
          : range ? { type: 'value', name: unit, scale: true, min: range.min, max: range.max }
          : { type: 'value', name: unit, scale: true },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: series
      }, true);
      note.textContent = shown < total
        ? 'Showing ' + shown + ' of ' + total + ' points (downsampled, keeping change points and extremes); the query below gives them all.'
        : total === 1 ? 'Showing the one point.' : 'Showing all ' + total + ' points.';
      if (clipped > 0) {
        note.textContent += ' ' + clipped + ' off the scale of the bulk of the data, marked with triangles at the edge'
          + ' (choose "full range" to see them).';
      }
      drawDistribution(d.series[picked[0]]);
    }

    function drawDistribution(s) {
      if (!s.distribution) {
        dist.setOption({ title: { text: 'No samples in the latest run', left: 'center', top: 'middle',
          textStyle: { fontSize: 13 } } }, true);
        return;
      }
      var values = s.distribution.values.map(function (v, i) { return [((i * 7919) % 100) / 250 - 0.2, v]; });
      dist.setOption({
        aria: { enabled: true },
        animation: false,
        tooltip: { trigger: 'item' },
        grid: { left: 70, right: 30, top: 30, bottom: 30 },
        xAxis: { type: 'value', min: -0.5, max: 0.5, show: false },
        yAxis: { type: 'value', name: s.unit, scale: true },
        series: [
          { name: 'latest run', type: 'boxplot', data: [[0].concat(s.distribution.box)], boxWidth: [40, 80],
            encode: { x: 0, y: [1, 2, 3, 4, 5] } },
          { name: 'samples', type: 'scatter', data: values, symbolSize: 4, itemStyle: { opacity: 0.45 } }
        ]
      }, true);
    }

    chart.on('click', function (p) {
      if (p.componentType === 'markPoint' && p.data && p.data.href) { window.location.href = p.data.href; }
    });
    pick.addEventListener('change', draw);
    Array.prototype.forEach.call(document.querySelectorAll('input[name="xmode"], input[name="yscale"]'), function (r) {
      r.addEventListener('change', draw);
    });
    draw();
    // when the charts were drawn, in ms since the page was requested (bench/site-scale.sh reads it)
    window.BL_DRAWN_MS = performance.now();
  }

  /** A label in lines of at most n characters, broken only at a space or after . [ , = / @ _ (a longer part gets a line of its own). */
  function wrapLabel(text, n) {
    // after a '[' only where no space comes before it: "concatenation [parts=10]" breaks before the bracket
    var parts = text.split(/(?<=[ .,=\/@_]|[^ ]\[)/);
    var out = [];
    var line = '';
    parts.forEach(function (p) {
      if (line && (line + p).trimEnd().length > n) {
        // a space a few characters back makes the better break: "[parts=10]" stays whole
        var space = line.trimEnd().lastIndexOf(' ');
        var keep = space > 0 && line.trimEnd().length - space <= 12 ? space : line.length;
        out.push(line.slice(0, keep).trimEnd());
        line = (line.slice(keep) + p).trimStart();
      } else {
        line += p;
      }
    });
    if (line.trim()) {
      out.push(line.trimEnd());
    }
    return out.join('\n');
  }

  function comparison(d) {
    var el = document.getElementById('comparison-chart');
    var note = document.getElementById('comparison-note');
    var items = d.items.filter(function (it) { return it.change !== null; });
    items.sort(function (a, b) { return Math.abs(b.change) - Math.abs(a.change); });
    var top = items.slice(0, 50).reverse();
    // labels wrap instead of being cut, so the metric and parameters at their end stay readable; a
    // row is as tall as its longest label (about 6.5 px a character at 12 px). On a narrow screen
    // each label is written above its interval across the whole width, which leaves the intervals
    // the whole width too, instead of beside them.
    var narrow = el.clientWidth < 600;
    var labelWidth = narrow ? el.clientWidth - 70 : Math.min(320, Math.round(el.clientWidth * 0.45));
    // each label wrapped here at its natural breaks (a space, or after '.', '[', ',', '=', '/', '@',
    // '_'), about 6.5 px a character at 11 px and 7 at 12 px: ECharts' own wrapping breaks before any
    // such character, leaving "[parts=10" on one line and "]" on the next
    var perLine = Math.max(12, Math.floor(labelWidth / (narrow ? 6.5 : 7)));
    var wrapped = top.map(function (it) { return wrapLabel(it.label, perLine); });
    var lines = wrapped.reduce(function (m, w) { return Math.max(m, w.split('\n').length); }, 1);
    var row = narrow ? lines * 13 + 22 : Math.max(22, lines * 14 + 8);
    // on a narrow screen the interval and the point sit in the lower part of their row, under the label
    var dy = narrow ? row / 2 - 9 : 0;
    el.style.height = Math.max(260, top.length * row + 80) + 'px';
    var chart = init(el);
    var colour = { regressed: '#d1242f', improved: '#1a7f37', inconclusive: '#bf8700', unchanged: '#8c959f' };
    var labels = wrapped;
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        var it = top[p.dataIndex];
        var t = (it.full || it.label) + ': ' + pct(it.change) + (it.lo !== null ? ' [' + pct(it.lo) + ', ' + pct(it.hi) + ']' : '') +
          (it.verdict ? ' · ' + it.verdict : '');
        return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      } },
      grid: { left: narrow ? 12 : 20, right: narrow ? 24 : 40, top: 20, bottom: 40, containLabel: true },
      // zero always in range with a margin, so a case that did not move is not drawn on the border
      xAxis: { type: 'value', name: 'change %', nameLocation: 'middle', nameGap: 26,
        min: function (v) { return Math.min(v.min, 0) - Math.max(1, (Math.max(v.max, 0) - Math.min(v.min, 0)) * 0.05); },
        max: function (v) { return Math.max(v.max, 0) + Math.max(1, (Math.max(v.max, 0) - Math.min(v.min, 0)) * 0.05); },
        axisLabel: { formatter: function (v) { return Math.round(v * 10) / 10 + ' %'; }, hideOverlap: true,
          showMinLabel: false, showMaxLabel: false } },
      // the axis line on the left edge, not on the zero of the changes (the marked line is there)
      yAxis: { type: 'category', data: labels, axisLine: { onZero: false }, axisTick: { show: !narrow },
        axisLabel: { show: !narrow, width: labelWidth, overflow: 'break', lineHeight: 14 } },
      series: [
        { name: 'interval', type: 'custom', silent: true,
          renderItem: function (params, api) {
            var it = top[params.dataIndex];
            var children = [];
            if (narrow) {
              var c = api.coord([0, params.dataIndex]);
              // wrapped for the width the chart has now (it may have been drawn first at another)
              var text = wrapLabel(it.label, Math.max(12, Math.floor((params.coordSys.width - 8) / 6.5)));
              children.push({ type: 'text', silent: true, style: { text: text, x: params.coordSys.x + 4,
                y: c[1] - row / 2 + 2, width: params.coordSys.width - 8, overflow: 'break', lineHeight: 13,
                fontSize: 11, fill: '#57606a', verticalAlign: 'top' } });
            }
            if (it.lo !== null && it.hi !== null) {
              var a = api.coord([it.lo * 100, params.dataIndex]);
              var b = api.coord([it.hi * 100, params.dataIndex]);
              children.push({ type: 'line', shape: { x1: a[0], y1: a[1] + dy, x2: b[0], y2: b[1] + dy },
                style: { stroke: colour[it.verdict] || '#57606a', lineWidth: 2 } });
            }
            return { type: 'group', children: children };
          },
          // both ends of each interval, so the axis's range holds the whole interval
          encode: { x: [0, 1], y: 2 },
          data: top.map(function (it, i) {
            return it.lo === null || it.hi === null ? [it.change * 100, it.change * 100, i] : [it.lo * 100, it.hi * 100, i];
          }) },
        { name: 'change', type: 'scatter', symbolSize: 9, symbolOffset: [0, dy],
          data: top.map(function (it, i) {
            return { value: [it.change * 100, i], itemStyle: { color: colour[it.verdict] || '#0969da' } };
          }),
          markLine: { symbol: 'none', silent: true, label: { show: false }, data: [{ xAxis: 0 }],
            lineStyle: { color: '#8c959f' } } }
      ]
    });
    note.textContent = items.length > top.length
      ? 'The ' + top.length + ' largest of ' + items.length + ' changes; the table has them all.'
      : (items.length === 0 ? 'No case was measured on both sides.' : 'All ' + items.length + ' changes.');
  }

  function durations(d) {
    var el = document.getElementById('duration-chart');
    if (!el) { return; }
    var chart = init(el);
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 70, right: 30, top: 30, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: 'seconds', scale: true },
      series: [{ name: 'suite duration', type: 'line', showSymbol: d.t.length < 80, sampling: 'lttb',
        data: d.t.map(function (t, i) { return [t, d.seconds[i]]; }) }]
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('button.sort'), function (b) {
      b.addEventListener('click', function () { sortBy(b); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), setupFilter);
    Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (b) {
      b.addEventListener('click', function () {
        var code = document.getElementById(b.getAttribute('data-copy'));
        if (code && navigator.clipboard) {
          navigator.clipboard.writeText(code.textContent).then(function () { b.textContent = 'Copied'; },
            function () { b.textContent = 'Select and copy'; });
        }
      });
    });
    var d = window.BL_DATA;
    if (!d || typeof echarts === 'undefined') { return; }
    if (d.kind === 'benchmark') { benchmark(d); }
    else if (d.kind === 'comparison') { comparison(d); }
    else if (d.kind === 'durations') { durations(d); }
  });
})();
