// The manager dashboard: draws every <canvas data-chart> with Chart.js; a click on a bar or a point
// opens the rows behind it (the link the server put next to each value). The tables beside the charts
// carry the same figures and links, so the page works without this script.
(function () {
  'use strict';
  var palette = ['#2f6fde', '#c2410c', '#6b7280', '#15803d', '#a21caf', '#ca8a04'];

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = spec.series.map(function (series, i) {
      var colour = palette[i % palette.length];
      return { label: series.label, data: series.data, backgroundColor: colour, borderColor: colour, spanGaps: true };
    });
    var chart = new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: spec.series.length > 1 } },
        scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: spec.type === 'bar' } },
        onHover: function (event, elements) {
          canvas.style.cursor = elements.length ? 'pointer' : 'default';
        },
        onClick: function (event, elements) {
          if (!elements.length) { return; }
          var link = spec.series[elements[0].datasetIndex].links[elements[0].index];
          if (link) { window.location.href = link; }
        }
      }
    });
    canvas.setAttribute('data-drawn', String(chart.data.datasets.length));
  }

  function start() {
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
