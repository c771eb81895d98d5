// The study page: renders /api/study into a sortable, filterable table and ECharts charts, and
// refetches whenever the server-sent /events stream says the study changed. Stored text is only
// ever placed with textContent, never as HTML.
(function () {
  'use strict';
  var study = document.body.getAttribute('data-study');
  if (!study) { return; }
  var q = 'name=' + encodeURIComponent(study);
  var state = { data: null, sortKey: 'number', sortDir: 1, seen: null, k: 8, all: false, picked: {} };
  var MAX_ROWS = 500; // table rows drawn until "show all"
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
  function chart(id, renderer) {
    var node = document.getElementById(id);
    if (!charts[id]) {
      charts[id] = echarts.init(node, null, { renderer: renderer || 'canvas' });
      charts[id].on('finished', function () {
        node.setAttribute('data-rendered', '1');
        if (!window.__gyrusFirstChart) { window.__gyrusFirstChart = performance.now(); } // for the load-time test
      });
    }
    return charts[id];
  }
  function columns(d) {
    var cols = [{ key: 'number', label: '#' }, { key: 'state', label: 'state' }];
    d.directions.forEach(function (dir, i) { cols.push({ key: 'v' + i, label: 'value' + (i ? i : '') + ' (' + dir + ')' }); });
    cols.push({ key: 'duration', label: 'duration (s)' });
    if (d.trials.some(function (t) { return t.arch; })) { cols.push({ key: 'arch', label: 'architecture' }); }
    // The decisions that matter most, in importance order; every decision is on the trial page.
    GyrusCharts.topK(d.params, state.k).forEach(function (p) { cols.push({ key: 'p:' + p.id, label: p.label || p.id, title: p.id }); });
    return cols;
  }
  function cell(t, key) {
    if (key === 'number' || key === 'state' || key === 'duration' || key === 'arch') { return t[key]; }
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
      if (c.title) { th.title = c.title; }
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
    var drawn = state.all ? rows : rows.slice(0, MAX_ROWS);
    drawn.forEach(function (t) {
      var tr = el('tr', null, 'state-' + t.state);
      tr.setAttribute('data-number', t.number);
      if (state.seen && !state.seen[t.number]) { tr.className += ' new-row'; }
      cols.forEach(function (c, i) {
        var td = el('td');
        if (i === 0) {
          var box = el('input', null, 'pick');
          box.type = 'checkbox';
          box.title = 'compare this trial';
          box.checked = !!state.picked[t.number];
          box.addEventListener('change', function () { if (box.checked) { state.picked[t.number] = true; } else { delete state.picked[t.number]; } updateCompare(); });
          td.appendChild(box);
          var a = el('a', t.number);
          a.href = '/trial?study=' + encodeURIComponent(d.name) + '&number=' + t.number;
          td.appendChild(a);
        } else if (c.key === 'arch') {
          td.textContent = t.arch || '';
          td.className = 'arch';
          if (t.arch) { hoverDiagram(td, t.number); }
        } else {
          td.textContent = fmt(cell(t, c.key));
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    var count = rows.length + ' of ' + d.trials.length + ' trials';
    if (drawn.length < rows.length) { count = 'showing ' + drawn.length + ' rows of ' + count; }
    if (d.sampled) { count += ' (' + d.sampled.shown + ' of ' + d.sampled.total + ' sent: the best and an even sample)'; }
    document.getElementById('row-count').textContent = count;
    document.getElementById('show-all').hidden = drawn.length >= rows.length;
  }
  function updateCompare() {
    var n = Object.keys(state.picked).length;
    var b = document.getElementById('compare');
    b.disabled = n < 2 || n > 4;
    b.textContent = 'compare ' + (n ? n + ' ' : '') + 'selected (2–4)';
  }
  function hoverDiagram(td, number) {
    td.addEventListener('mouseenter', function () {
      var tip = document.getElementById('diagram-tip');
      tip.textContent = '';
      var img = el('img');
      img.alt = 'architecture of trial ' + number;
      img.src = '/diagram.svg?study=' + encodeURIComponent(state.data.name) + '&number=' + number;
      tip.appendChild(img);
      var r = td.getBoundingClientRect();
      tip.style.left = Math.max(8, Math.min(window.innerWidth - 440, r.left)) + 'px';
      tip.style.top = (window.scrollY + r.bottom + 4) + 'px';
      tip.hidden = false;
    });
    td.addEventListener('mouseleave', function () { document.getElementById('diagram-tip').hidden = true; });
  }
  function openTrial(number) {
    window.location.href = '/trial?study=' + encodeURIComponent(state.data.name) + '&number=' + number;
  }
  function renderCharts() {
    var d = state.data;
    var done = d.trials.filter(function (t) { return t.state === 'COMPLETE' && t.values.length; });
    var history = chart('chart-history');
    history.setOption({
      animation: false, tooltip: { trigger: 'item', formatter: function (x) { return x.seriesIndex ? 'best so far: trial ' + x.value[2] + ' (' + fmt(x.value[1]) + ')' : 'trial ' + x.value[0] + ': ' + fmt(x.value[1]); } },
      legend: { data: ['trial', 'best so far'] },
      xAxis: { type: 'value', name: 'trial' }, yAxis: { type: 'value', scale: true, name: d.directions[0] },
      series: [
        { name: 'trial', type: 'scatter', symbolSize: done.length > 2000 ? 3 : 6, large: done.length > 2000, data: done.map(function (t) { return [t.number, t.values[0]]; }) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: true, symbolSize: 5, data: d.best }
      ]
    }, true);
    history.off('click');
    // Each point opens its trial; each step of the best-so-far line opens the trial that holds it.
    history.on('click', function (x) { openTrial(x.seriesIndex ? x.value[2] : x.value[0]); });
    var cv = GyrusCharts.curves(d);
    chart('chart-intermediate').setOption({
      animation: false, tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'step' }, yAxis: { type: 'value', scale: true },
      title: cv.total ? GyrusCharts.note(cv.shown.length < cv.total ? cv.shown.length + ' of ' + cv.total + ' curves (best finals + pruned)' : '')
        : { text: 'no intermediate values reported', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 13 } },
      series: cv.shown.map(function (t) {
        var pruned = t.state === 'PRUNED';
        var data = t.intermediate.slice();
        return { name: 'trial ' + t.number + (pruned ? ' (pruned)' : ''), type: 'line', showSymbol: false,
          lineStyle: { color: pruned ? '#c23' : '#5470c6', opacity: pruned ? 0.8 : 0.5, type: pruned ? 'dashed' : 'solid' },
          markPoint: pruned ? { symbol: 'pin', symbolSize: 22, itemStyle: { color: '#c23' }, data: [{ coord: data[data.length - 1], value: 'P' }] } : undefined,
          data: data };
      })
    }, true);
    var pnode = document.getElementById('chart-parallel');
    var popt = GyrusCharts.parallelOption(d, done, state.k, pnode.clientWidth || 1000);
    var shown = popt._shown;
    var height = popt._height + 'px';
    delete popt._shown;
    delete popt._height;
    if (pnode.style.height !== height) {
      pnode.style.height = height;
      if (charts['chart-parallel']) { charts['chart-parallel'].resize(); }
    }
    var parallel = chart('chart-parallel', 'svg');
    parallel.setOption(popt, true);
    parallel.off('mouseover');
    parallel.off('mouseout');
    parallel.on('mouseover', function (x) {
      if (x.componentType !== 'parallelAxis' || x.targetType !== 'axisName') { return; }
      var p = shown[x.componentIndex];
      var tip = document.getElementById('axis-tip');
      tip.textContent = p ? p.label + (p.label !== p.id ? '  ·  ' + p.id : '') + '  ·  importance ' + p.importance.toFixed(3) : String(x.name);
      var r = pnode.getBoundingClientRect();
      tip.style.left = (r.left + (x.event && x.event.offsetX || 0)) + 'px';
      tip.style.top = (window.scrollY + r.top + (x.event && x.event.offsetY || 0) + 16) + 'px';
      tip.hidden = false;
    });
    parallel.on('mouseout', function () { document.getElementById('axis-tip').hidden = true; });
    var inode = document.getElementById('chart-importance');
    var iopt = GyrusCharts.importanceOption(d);
    if (inode.style.height !== iopt.height + 'px') {
      inode.style.height = iopt.height + 'px';
      if (charts['chart-importance']) { charts['chart-importance'].resize(); }
    }
    chart('chart-importance', 'svg').setOption(iopt.option, true);
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
    renderCharts(); // charts first: the table of many trials is the slower part
    renderTable();
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
  document.getElementById('topk').addEventListener('change', function () {
    state.k = +document.getElementById('topk').value;
    if (state.data) { renderTable(); renderCharts(); }
  });
  document.getElementById('show-all').addEventListener('click', function () { state.all = true; if (state.data) { renderTable(); } });
  document.getElementById('compare').addEventListener('click', function () {
    var numbers = Object.keys(state.picked).map(Number).sort(function (a, b) { return a - b; });
    window.location.href = '/compare?study=' + encodeURIComponent(study) + '&numbers=' + numbers.join(',');
  });
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
