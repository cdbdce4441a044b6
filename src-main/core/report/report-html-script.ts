// The HTML report's only script, inlined (the CSP allows inline script and nothing else). It adds
// to a page that is complete without it: a click on a run's swatch or legend entry hides or shows
// that run's lines in every chart, and hovering a chart lists each shown run's value at the
// nearest step. Plain ES5-era DOM calls, no build step: the string is what runs.

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var source = document.getElementById('report-data') || document.getElementById('chart-series');
  var series = source ? JSON.parse(source.textContent).series || [] : [];
  var byKey = {};
  series.forEach(function (s) { (byKey[s.key] = byKey[s.key] || []).push(s); });
  var hidden = {};

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function runOf(el) { return el.getAttribute('data-run') || el.getAttribute('data-toggle-run'); }

  function toggle(runId) {
    hidden[runId] = !hidden[runId];
    each('svg.chart .series, svg.chart .legend-item, .swatch.toggle', function (el) {
      if (runOf(el) !== runId) return;
      el.classList.toggle('off', hidden[runId]);
      if (el.hasAttribute('aria-pressed')) el.setAttribute('aria-pressed', String(!hidden[runId]));
    });
  }

  each('svg.chart .legend-item, .swatch.toggle', function (el) {
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-pressed', 'true');
    el.addEventListener('click', function () { toggle(runOf(el)); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(runOf(el)); }
    });
  });

  var tip = document.createElement('div');
  tip.id = 'report-tooltip';
  tip.hidden = true;
  document.body.appendChild(tip);

  function nearest(steps, step) {
    var lo = 0, hi = steps.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (steps[mid] < step) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && Math.abs(steps[lo - 1] - step) <= Math.abs(steps[lo] - step)) lo--;
    return lo;
  }
  function numeric(v) { return typeof v === 'number' ? v : v === 'NaN' ? NaN : v.charAt(0) === '-' ? -Infinity : Infinity; }
  function shown(v) { return isFinite(v) ? String(Number(v.toPrecision(6))) : String(v); }
  function row(color, name, value) {
    var r = document.createElement('div');
    r.className = 'row';
    var sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = color;
    var n = document.createElement('span');
    n.textContent = name;
    var v = document.createElement('span');
    v.className = 'value';
    v.textContent = value;
    r.appendChild(sw); r.appendChild(n); r.appendChild(v);
    return r;
  }

  each('svg.chart[data-plot]', function (svg) {
    var plot = svg.getAttribute('data-plot').split(' ').map(Number);
    var xs = svg.getAttribute('data-x').split(' ').map(Number);
    var runs = byKey[svg.getAttribute('data-key')] || [];
    var info = {};
    Array.prototype.forEach.call(svg.querySelectorAll('.legend-item'), function (item) {
      var rect = item.querySelector('rect');
      var title = item.querySelector('title');
      info[item.getAttribute('data-run')] = { color: rect ? rect.getAttribute('fill') : '#888', name: title ? title.textContent : '' };
    });
    var guide = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    guide.setAttribute('y1', plot[1]);
    guide.setAttribute('y2', plot[1] + plot[3]);
    guide.setAttribute('stroke', '#888');
    guide.setAttribute('stroke-dasharray', '3 3');
    guide.setAttribute('visibility', 'hidden');
    svg.appendChild(guide);

    function hide() { tip.hidden = true; guide.setAttribute('visibility', 'hidden'); }
    svg.addEventListener('mouseleave', hide);
    svg.addEventListener('mousemove', function (e) {
      var ctm = svg.getScreenCTM();
      if (!ctm) return hide();
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      var p = pt.matrixTransform(ctm.inverse());
      if (p.x < plot[0] || p.x > plot[0] + plot[2] || p.y < plot[1] || p.y > plot[1] + plot[3]) return hide();
      var want = xs[0] + ((p.x - plot[0]) / plot[2]) * (xs[1] - xs[0]);
      var visible = runs.filter(function (s) { return !hidden[s.runId] && s.step.length > 0; });
      if (visible.length === 0) return hide();
      // Snap to the logged step nearest the pointer, then read every run there.
      var at = visible.map(function (s) { return s.step[nearest(s.step, want)]; })
        .reduce(function (best, s) { return Math.abs(s - want) < Math.abs(best - want) ? s : best; });
      tip.textContent = '';
      var head = document.createElement('div');
      head.textContent = svg.getAttribute('data-key') + ' at step ' + at;
      tip.appendChild(head);
      visible.forEach(function (s) {
        var i = nearest(s.step, at);
        var meta = info[s.runId] || { color: '#888', name: s.runId };
        tip.appendChild(row(meta.color, meta.name, shown(numeric(s.value[i])) + (s.step[i] === at ? '' : ' (step ' + s.step[i] + ')')));
      });
      var gx = plot[0] + ((at - xs[0]) / (xs[1] - xs[0])) * plot[2];
      guide.setAttribute('x1', gx);
      guide.setAttribute('x2', gx);
      guide.setAttribute('visibility', 'visible');
      tip.hidden = false;
      var left = e.clientX + 14;
      if (left + tip.offsetWidth > window.innerWidth - 8) left = e.clientX - 14 - tip.offsetWidth;
      tip.style.left = left + 'px';
      tip.style.top = Math.max(8, e.clientY - tip.offsetHeight - 10) + 'px';
    });
  });

  var download = document.getElementById('download-data');
  if (download && source && source.id === 'report-data') {
    download.hidden = false;
    download.addEventListener('click', function () {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([source.textContent], { type: 'application/json' }));
      a.download = 'report-data.json';
      a.click();
    });
  }
})();
`;
