// Charts of the study page that must stay readable from 1 to 60 decisions and from 10 to 100,000
// trials: parallel coordinates over the k most important decisions, importance bars sized to
// their labels, sampled lines and curves (and the chart says so). The parallel and importance
// charts use ECharts' SVG renderer: their titles and labels are then DOM text, which the browser
// lays out and tests measure (getBoundingClientRect), instead of pixels on a canvas.
(function () {
  'use strict';
  var MAX_LINES = 500;   // parallel-coordinates lines drawn: the best 100 and an even sample
  var MAX_CURVES = 200;  // intermediate curves drawn: the best finals, then the pruned
  var FONT = '12px sans-serif';
  var ABSENT = '(absent)';
  var measurer = null;

  function textWidth(s) {
    if (!measurer) { measurer = document.createElement('canvas').getContext('2d'); }
    measurer.font = FONT;
    return measurer.measureText(s).width;
  }

  /** The parameters by importance, highest first (ties in space order). */
  function ranked(params) {
    return params.map(function (p, i) { return { p: p, i: i }; })
      .sort(function (a, b) { return (b.p.importance - a.p.importance) || (a.i - b.i); })
      .map(function (x) { return x.p; });
  }

  /** The k most important parameters (all when k is 0 or more than there are). */
  function topK(params, k) {
    var r = ranked(params);
    return k > 0 && k < r.length ? r.slice(0, k) : r;
  }

  /** At most max trials: the best `keep` by the first objective, then an even sample of the rest. */
  function sample(done, max, keep, sign) {
    if (done.length <= max) { return done; }
    var byValue = done.slice().sort(function (a, b) { return sign * (b.values[0] - a.values[0]); });
    var best = byValue.slice(0, keep);
    var rest = byValue.slice(keep).sort(function (a, b) { return a.number - b.number; });
    var want = max - keep;
    for (var j = 0; j < want; j++) { best.push(rest[Math.floor(j * rest.length / want)]); }
    return best;
  }

  function note(text) {
    return text ? { text: text, right: 10, top: 0, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#777' } } : undefined;
  }

  /**
   * Axis titles alternate between the top and the bottom of the chart, so each has two axis
   * spacings of room. When that is too narrow for the longest title (many axes), titles stand
   * upright above their axes, one text line wide, cut with an ellipsis past 150 px; hovering a
   * title shows it whole.
   */
  function parallelOption(d, done, k, width) {
    var sign = d.directions[0] === 'minimize' ? -1 : 1;
    var shown = topK(d.params, k);
    var lines = sample(done, MAX_LINES, 100, sign);
    var left = 70, right = 90;
    var n = shown.length + 1;
    var spacing = n > 1 ? (width - left - right) / (n - 1) : width;
    var room = Math.floor((n > 2 ? 2 * spacing : spacing + 40) - 12);
    var longest = 0;
    shown.forEach(function (p) { longest = Math.max(longest, textWidth(p.label)); });
    var upright = room < longest && spacing >= 16;
    var tall = Math.min(150, Math.ceil(longest) + 4);
    var nameStyle = function (i) {
      if (upright) {
        return { nameLocation: 'end', nameRotate: 90, nameGap: 8,
          nameTextStyle: { width: tall, overflow: 'truncate', ellipsis: '…', fontSize: 12, align: 'left', verticalAlign: 'middle' } };
      }
      return { nameLocation: i % 2 ? 'start' : 'end', nameGap: i % 2 ? 22 : 14,
        nameTextStyle: { width: Math.max(24, room), overflow: 'truncate', ellipsis: '…', fontSize: 12 } };
    };
    var axes = shown.map(function (p, i) {
      var a = Object.assign({ dim: i, name: p.label,
        axisLabel: { fontSize: 10, width: Math.max(30, spacing - 10), overflow: 'truncate', ellipsis: '…' } }, nameStyle(i));
      if (p.labels) {
        a.type = 'category';
        a.data = p.conditional ? [ABSENT].concat(p.labels) : p.labels;
      } else {
        var vals = lines.map(function (t) { return t.params[p.id]; }).filter(function (v) { return v !== null && v !== undefined; }).map(Number);
        var lo = vals.length ? Math.min.apply(null, vals) : 0, hi = vals.length ? Math.max.apply(null, vals) : 1;
        a.type = 'value';
        if (p.conditional) {
          // An absent number sits on its own tick below the range, labelled as absent.
          var gap = (hi - lo || 1) * 0.15;
          a.min = lo - gap; a.max = hi;
          a.axisLabel.formatter = function (v) { return Math.abs(v - (lo - gap)) < 1e-12 ? ABSENT : +v.toPrecision(3); };
        } else {
          a.scale = true;
        }
      }
      return a;
    });
    var objective = d.directions[0] ? 'value (' + d.directions[0] + ')' : 'value';
    axes.push(Object.assign({ dim: shown.length, name: objective, type: 'value', scale: true, axisLabel: { fontSize: 10 } }, nameStyle(shown.length)));
    var values = done.map(function (t) { return t.values[0]; });
    var total = d.params.length;
    var parts = [];
    if (shown.length < total) { parts.push('top ' + shown.length + ' of ' + total + ' decisions by importance'); }
    if (lines.length < done.length) { parts.push(lines.length + ' of ' + done.length + ' trials (best 100 + even sample)'); }
    return {
      animation: false,
      title: note(parts.join(' · ')),
      parallelAxis: axes,
      parallel: { left: left, right: right, top: upright ? tall + 30 : 50, bottom: upright ? 24 : 46, parallelAxisDefault: { triggerEvent: true } },
      tooltip: { show: false },
      visualMap: done.length ? { show: false, dimension: shown.length, min: Math.min.apply(null, values), max: Math.max.apply(null, values),
        inRange: { color: ['#d7e1f3', '#1f3f8a'] } } : undefined,
      series: [{ type: 'parallel', lineStyle: { width: 1, opacity: 0.55 },
        data: lines.map(function (t) {
          return shown.map(function (p) {
            var v = t.params[p.id];
            if (v === null || v === undefined) { return p.labels ? ABSENT : axes[shown.indexOf(p)].min; }
            return p.labels ? v : Number(v);
          }).concat([t.values[0]]);
        }) }],
      _shown: shown,
      _height: upright ? 320 + tall : 320
    };
  }

  /** Bars for every decision, one row each, the axis as wide as the longest label. */
  function importanceOption(d) {
    var imp = ranked(d.params).reverse();
    var longest = 0;
    imp.forEach(function (p) { longest = Math.max(longest, textWidth(p.label)); });
    var rows = Math.max(1, imp.length);
    return {
      height: Math.max(160, 22 * rows + 70),
      option: {
        animation: false, tooltip: { formatter: function (x) { var p = imp[x.dataIndex]; return p.label + (p.label !== p.id ? ' (' + p.id + ')' : '') + ': ' + x.value; } },
        title: note(d.complete < 4 ? 'needs 4 complete trials' : (d.importanceFrom < d.complete ? 'from ' + d.importanceFrom + ' of ' + d.complete + ' trials' : '')),
        grid: { left: Math.ceil(longest) + 24, right: 40, top: 30, bottom: 36 },
        xAxis: { type: 'value', name: 'importance', min: 0, max: function (v) { return Math.min(1, Math.ceil(v.max * 10 + 1e-9) / 10 || 0.1); }, nameLocation: 'middle', nameGap: 22 },
        yAxis: { type: 'category', data: imp.map(function (p) { return p.label; }), axisLabel: { interval: 0, fontSize: 12 } },
        series: [{ type: 'bar', barMaxWidth: 16, data: imp.map(function (p) { return +p.importance.toFixed(4); }) }]
      }
    };
  }

  /** The intermediate curves to draw: all up to MAX_CURVES, else the best finals and the pruned. */
  function curves(d) {
    var all = d.trials.filter(function (t) { return t.intermediate.length; });
    if (all.length <= MAX_CURVES) { return { shown: all, total: all.length }; }
    var sign = d.directions[0] === 'minimize' ? -1 : 1;
    var last = function (t) { return t.intermediate[t.intermediate.length - 1][1]; };
    var done = all.filter(function (t) { return t.state !== 'PRUNED'; }).sort(function (a, b) { return sign * (last(b) - last(a)); });
    var pruned = all.filter(function (t) { return t.state === 'PRUNED'; });
    var p = pruned.slice(0, MAX_CURVES / 4);
    return { shown: done.slice(0, MAX_CURVES - p.length).concat(p), total: all.length };
  }

  window.GyrusCharts = { parallelOption: parallelOption, importanceOption: importanceOption, curves: curves,
    topK: topK, note: note, MAX_LINES: MAX_LINES, MAX_CURVES: MAX_CURVES };
})();

// The compare page: the compared trials' learning curves, from the page's data-curves.
(function () {
  'use strict';
  var node = document.getElementById('chart-compare');
  if (!node) { return; }
  var curves = JSON.parse(node.getAttribute('data-curves'));
  var names = Object.keys(curves);
  var any = names.some(function (k) { return curves[k].length; });
  var c = echarts.init(node, null, { renderer: 'svg' });
  c.on('finished', function () { node.setAttribute('data-rendered', '1'); });
  c.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { data: names },
    title: any ? undefined : { text: 'no intermediate values reported', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 13 } },
    xAxis: { type: 'value', name: 'step' }, yAxis: { type: 'value', scale: true },
    series: names.map(function (k) { return { name: k, type: 'line', data: curves[k] }; })
  });
})();
