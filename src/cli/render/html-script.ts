/**
 * The page's own script, run after Chart.js: it turns each chart spec (see
 * report-charts.ts) into a Chart.js configuration and draws it into the
 * canvas with the same index. When every chart has drawn once it sets
 * document.body.dataset.chartsRendered to their count, for tests and for
 * tools that print the page headless.
 * Plain ES2017, no build step: it is inlined as it is written here.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var specs = report.charts;
  var PRINT_WIDTH_PX = 680; // A4 portrait less 15 mm margins, at 96 px per inch

  var whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

  function format(unit, x, precise) {
    if (unit === 'money') return (precise ? cents : whole).format(x) + ' ' + report.currency;
    if (unit === 'percent') return tenths.format(x) + ' %';
    return whole.format(x);
  }

  function tick(unit, x) {
    return unit === 'percent' ? tenths.format(x) : whole.format(x);
  }

  function translucent(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function dataset(spec, d) {
    var out = { label: d.label, data: d.data, backgroundColor: d.colour, borderColor: d.colour, band: d.band, median: d.median, bandLabel: d.bandLabel };
    if (spec.type === 'bar') {
      out.borderWidth = 0;
      out.categoryPercentage = 0.85;
      out.barPercentage = 0.95;
      return out;
    }
    out.pointRadius = 0;
    out.pointHoverRadius = 3;
    out.borderWidth = d.band ? 0 : 2;
    out.backgroundColor = d.band ? translucent(d.colour, 0.2) : d.colour;
    out.fill = d.band === 'upper' ? '-1' : false;
    return out;
  }

  /** a fan's median tooltip line: "A median: 1,200 EUR (P5-P95 900-1,500 EUR)"; the band is the two datasets before it */
  function tooltipLabel(spec, ctx) {
    var value = spec.horizontal ? ctx.parsed.x : ctx.parsed.y;
    var text = ctx.dataset.label + ': ' + format(spec.value.unit, value, spec.value.unit !== 'money' || spec.type === 'bar');
    if (ctx.dataset.median) {
      var all = ctx.chart.data.datasets;
      var lower = all[ctx.datasetIndex - 2].data[ctx.dataIndex];
      var upper = all[ctx.datasetIndex - 1].data[ctx.dataIndex];
      // a fan's band reads P5–P95 1,200–1,500 EUR; an interval (of numbers that may be negative) -900 .. -300 EUR, or 2.5 .. 2.6 %
      var interval = ctx.dataset.bandLabel || spec.bandLabel;
      var unit = spec.value.unit;
      var low = unit === 'money' ? whole.format(lower) : format(unit, lower, true);
      text += ' (' + (interval || 'P5–P95') + ' ' + low + (interval ? ' .. ' : '–') + format(unit, upper, unit !== 'money') + ')';
    }
    return text;
  }

  /** a fan from data: the actual months (the first spec.actualMonths labels) shaded, a dashed line where the simulation starts, each side named */
  function actualMonths(spec) {
    return {
      id: 'motivActual',
      beforeDatasetsDraw: function (chart) {
        var x = chart.scales.x;
        var area = chart.chartArea;
        var ctx = chart.ctx;
        var edge = (x.getPixelForValue(spec.actualMonths - 1) + x.getPixelForValue(spec.actualMonths)) / 2;
        ctx.save();
        ctx.fillStyle = 'rgba(59,65,72,0.08)';
        ctx.fillRect(area.left, area.top, edge - area.left, area.bottom - area.top);
        ctx.strokeStyle = '#8a9099';
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(edge, area.top);
        ctx.lineTo(edge, area.bottom);
        ctx.stroke();
        ctx.fillStyle = '#3b4148';
        ctx.font = '12px ' + Chart.defaults.font.family;
        ctx.textBaseline = 'top';
        ctx.textAlign = 'right';
        ctx.fillText('actual', edge - 6, area.top + 4);
        ctx.textAlign = 'left';
        ctx.fillText('simulated', edge + 6, area.top + 4);
        ctx.restore();
      },
    };
  }

  function config(spec, onRendered) {
    var valueAxis = spec.horizontal ? 'x' : 'y';
    var categoryAxis = spec.horizontal ? 'y' : 'x';
    var scales = {};
    scales[valueAxis] = {
      stacked: spec.stacked,
      beginAtZero: spec.type === 'bar',
      max: spec.value.max,
      title: { display: true, text: spec.value.title },
      // the axis title carries the unit; ticks are bare numbers, whole where values are counts
      ticks: { precision: spec.value.unit === 'count' ? 0 : undefined, callback: function (v) { return tick(spec.value.unit, v); } },
      grid: { color: '#e3e6ea' },
    };
    scales[categoryAxis] = {
      stacked: spec.stacked,
      title: { display: spec.category.title !== '', text: spec.category.title },
      grid: { display: false },
      ticks: { autoSkip: !spec.horizontal },
    };
    return {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets.map(function (d) { return dataset(spec, d); }) },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        devicePixelRatio: 2, // sharp on screen and on paper
        interaction: spec.type === 'line' ? { mode: 'index', intersect: false } : { mode: 'nearest', intersect: true },
        scales: scales,
        plugins: {
          legend: {
            display: spec.legend,
            position: 'bottom',
            labels: { boxWidth: 14, filter: function (item, data) { return data.datasets[item.datasetIndex].band !== 'lower'; } },
          },
          tooltip: {
            filter: function (item) { return !item.dataset.band; },
            callbacks: { label: function (ctx) { return tooltipLabel(spec, ctx); } },
          },
        },
      },
      plugins: [{ id: 'motivRendered', afterRender: onRendered }].concat(spec.actualMonths ? [actualMonths(spec)] : []),
    };
  }

  function drawAll() {
    var rendered = new Set();
    var canvases = document.querySelectorAll('canvas[data-chart]');
    if (canvases.length === 0) document.body.dataset.chartsRendered = '0';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#3b4148';
    canvases.forEach(function (canvas) {
      var spec = specs[Number(canvas.dataset.index)];
      new Chart(canvas, config(spec, function (chart) {
        rendered.add(chart.id);
        if (rendered.size === canvases.length) document.body.dataset.chartsRendered = String(rendered.size);
      }));
    });
  }

  // print at the paper's width (the screen may be wider); back to the screen after
  window.addEventListener('beforeprint', function () {
    Object.values(Chart.instances).forEach(function (chart) { chart.resize(PRINT_WIDTH_PX, chart.canvas.parentNode.clientHeight); });
  });
  window.addEventListener('afterprint', function () {
    Object.values(Chart.instances).forEach(function (chart) { chart.resize(); });
  });

  drawAll();
})();
`;
