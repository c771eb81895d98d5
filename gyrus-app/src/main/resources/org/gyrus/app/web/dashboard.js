// The study page: renders /api/study into a sortable, filterable table and ECharts charts, and
// refetches whenever the server-sent /events stream says the study changed. Stored text is only
// ever placed with textContent, never as HTML.
(function () {
  'use strict';
  var study = document.body.getAttribute('data-study');
  if (!study) { return; }
  var q = 'name=' + encodeURIComponent(study);
  var state = { data: null, sortKey: 'number', sortDir: 1, seen: null };
  var charts = {};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined || v === '') { return ''; }
    if (typeof v === 'number') { return Math.abs(v) >= 1000 || v === Math.round(v) ? String(v) : v.toFixed(4); }
    return String(v);
  }
  function chart(id) {
    var node = document.getElementById(id);
    if (!charts[id]) {
      charts[id] = echarts.init(node, null, { renderer: 'canvas' });
      charts[id].on('finished', function () { node.setAttribute('data-rendered', '1'); });
    }
    return charts[id];
  }
  function columns(d) {
    var cols = [{ key: 'number', label: '#' }, { key: 'state', label: 'state' }];
    d.directions.forEach(function (dir, i) { cols.push({ key: 'v' + i, label: 'value' + (i ? i : '') + ' (' + dir + ')' }); });
    cols.push({ key: 'duration', label: 'duration (s)' });
    d.params.forEach(function (p) { cols.push({ key: 'p:' + p.id, label: p.label || p.id, title: p.id }); });
    return cols;
  }
  function cell(t, key) {
    if (key === 'number' || key === 'state' || key === 'duration') { return t[key]; }
    if (key.charAt(0) === 'v') { var v = t.values[+key.substring(1)]; return v === undefined ? null : v; }
    return t.params[key.substring(2)];
  }
  function renderTable() {
    var d = state.data;
    var cols = columns(d);
    var table = document.getElementById('trials');
    var thead = table.tHead;
    thead.textContent = '';
    var hr = el('tr');
    cols.forEach(function (c) {
      var th = el('th', c.label);
      th.setAttribute('data-key', c.key);
      if (c.key === state.sortKey) { th.className = state.sortDir > 0 ? 'sorted-asc' : 'sorted-desc'; }
      th.addEventListener('click', function () {
        if (state.sortKey === c.key) { state.sortDir = -state.sortDir; } else { state.sortKey = c.key; state.sortDir = 1; }
        renderTable();
      });
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    var text = document.getElementById('filter').value.toLowerCase();
    var st = document.getElementById('state-filter').value;
    var rows = d.trials.filter(function (t) {
      if (st && t.state !== st) { return false; }
      if (!text) { return true; }
      return cols.some(function (c) { return fmt(cell(t, c.key)).toLowerCase().indexOf(text) >= 0; });
    });
    rows.sort(function (a, b) {
      var x = cell(a, state.sortKey), y = cell(b, state.sortKey);
      if (x === y) { return a.number - b.number; }
      if (x === null || x === undefined) { return 1; }
      if (y === null || y === undefined) { return -1; }
      return (x < y ? -1 : 1) * state.sortDir;
    });
    var tbody = table.tBodies[0];
    tbody.textContent = '';
    rows.forEach(function (t) {
      var tr = el('tr', null, 'state-' + t.state);
      tr.setAttribute('data-number', t.number);
      if (state.seen && !state.seen[t.number]) { tr.className += ' new-row'; }
      cols.forEach(function (c, i) {
        var td = el('td');
        if (i === 0) {
          var a = el('a', t.number);
          a.href = '/trial?study=' + encodeURIComponent(d.name) + '&number=' + t.number;
          td.appendChild(a);
        } else {
          td.textContent = fmt(cell(t, c.key));
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    document.getElementById('row-count').textContent = rows.length + ' of ' + d.trials.length + ' trials';
  }
  function renderCharts() {
    var d = state.data;
    var done = d.trials.filter(function (t) { return t.state === 'COMPLETE' && t.values.length; });
    chart('chart-history').setOption({
      animation: false, tooltip: { trigger: 'item' }, legend: { data: ['trial', 'best so far'] },
      xAxis: { type: 'value', name: 'trial' }, yAxis: { type: 'value', scale: true, name: d.directions[0] },
      series: [
        { name: 'trial', type: 'scatter', symbolSize: 6, data: done.map(function (t) { return [t.number, t.values[0]]; }) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: false, data: d.best }
      ]
    }, true);
    var curves = d.trials.filter(function (t) { return t.intermediate.length; });
    chart('chart-intermediate').setOption({
      animation: false, tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'step' }, yAxis: { type: 'value', scale: true },
      title: curves.length ? undefined : { text: 'no intermediate values reported', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 13 } },
      series: curves.map(function (t) {
        var pruned = t.state === 'PRUNED';
        var data = t.intermediate.slice();
        return { name: 'trial ' + t.number + (pruned ? ' (pruned)' : ''), type: 'line', showSymbol: false,
          lineStyle: { color: pruned ? '#c23' : '#5470c6', opacity: pruned ? 0.8 : 0.5, type: pruned ? 'dashed' : 'solid' },
          markPoint: pruned ? { symbol: 'pin', symbolSize: 22, itemStyle: { color: '#c23' }, data: [{ coord: data[data.length - 1], value: 'P' }] } : undefined,
          data: data };
      })
    }, true);
    var axes = d.params.map(function (p, i) {
      return p.labels ? { dim: i, name: p.label, type: 'category', data: p.labels } : { dim: i, name: p.label, type: 'value', scale: true };
    });
    axes.push({ dim: d.params.length, name: d.directions[0], type: 'value', scale: true });
    chart('chart-parallel').setOption({
      animation: false, parallelAxis: axes, parallel: { left: 60, right: 80, top: 40, bottom: 30 },
      visualMap: done.length ? { show: false, dimension: d.params.length, min: Math.min.apply(null, done.map(function (t) { return t.values[0]; })),
        max: Math.max.apply(null, done.map(function (t) { return t.values[0]; })), inRange: { color: ['#d7e1f3', '#1f3f8a'] } } : undefined,
      series: [{ type: 'parallel', lineStyle: { width: 1, opacity: 0.6 },
        data: done.map(function (t) { return d.params.map(function (p) { return t.params[p.id]; }).concat([t.values[0]]); }) }]
    }, true);
    var imp = d.params.slice().sort(function (a, b) { return a.importance - b.importance; });
    chart('chart-importance').setOption({
      animation: false, tooltip: {}, grid: { left: 140 },
      xAxis: { type: 'value', name: 'importance', max: 1 },
      yAxis: { type: 'category', data: imp.map(function (p) { return p.label; }) },
      series: [{ type: 'bar', data: imp.map(function (p) { return +p.importance.toFixed(4); }) }]
    }, true);
    if (d.directions.length >= 2) {
      document.getElementById('pareto-section').hidden = false;
      var front = {};
      d.pareto.forEach(function (n) { front[n] = true; });
      chart('chart-pareto').setOption({
        animation: false, tooltip: {}, legend: {},
        xAxis: { type: 'value', scale: true, name: d.directions[0] }, yAxis: { type: 'value', scale: true, name: d.directions[1] },
        series: [
          { name: 'dominated', type: 'scatter', data: done.filter(function (t) { return !front[t.number]; }).map(function (t) { return [t.values[0], t.values[1]]; }) },
          { name: 'Pareto front', type: 'scatter', symbolSize: 10, data: done.filter(function (t) { return front[t.number]; }).map(function (t) { return [t.values[0], t.values[1]]; }) }
        ]
      }, true);
    }
  }
  function render() {
    var d = state.data;
    var counts = {};
    d.trials.forEach(function (t) { counts[t.state] = (counts[t.state] || 0) + 1; });
    document.getElementById('summary').textContent = d.trials.length + ' trials · ' +
      Object.keys(counts).map(function (k) { return counts[k] + ' ' + k.toLowerCase(); }).join(', ') + ' · version ' + d.version;
    renderTable();
    renderCharts();
    state.seen = {};
    d.trials.forEach(function (t) { state.seen[t.number] = true; });
  }
  function load() {
    return fetch('/api/study?' + q, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (d) { state.data = d; render(); })
      .catch(function (e) { document.getElementById('live').textContent = 'cannot load: ' + e.message; });
  }
  document.getElementById('filter').addEventListener('input', function () { if (state.data) { renderTable(); } });
  document.getElementById('state-filter').addEventListener('change', function () { if (state.data) { renderTable(); } });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  load().then(function () {
    var live = document.getElementById('live');
    var es = new EventSource('/events?' + q);
    es.addEventListener('open', function () { live.textContent = 'live'; });
    es.addEventListener('error', function () { live.textContent = 'reconnecting…'; });
    es.addEventListener('version', function (ev) {
      if (!state.data || String(state.data.version) !== ev.data) { load(); }
    });
  });
})();
