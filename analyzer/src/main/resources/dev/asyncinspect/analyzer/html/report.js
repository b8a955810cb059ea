"use strict";
// The timeline of the HTML report, drawn from the page's JSON data (#timeline-data): a row per
// task, a bar per state segment, arrows from waiters to the tasks they wait for. Zoom with the
// wheel or the buttons, pan by dragging. Every text from the data goes into the page through
// textContent, never as markup.
(function () {
  var dataElement = document.getElementById("timeline-data");
  var view = document.getElementById("timeline-view");
  if (!dataElement || !view) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var LABEL = 280, ROW = 18, AXIS = 24, BAR = 12;
  var rowOf = {};
  data.tasks.forEach(function (task, i) { rowOf[task.id] = i; });
  var span = data.span;
  var from = 0, to = span;
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("id", "timeline-svg");
  view.appendChild(svg);

  function el(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    for (var key in attributes) {
      node.setAttribute(key, attributes[key]);
    }
    parent.appendChild(node);
    return node;
  }

  function duration(ns) {
    var units = [[86400e9, "d"], [3600e9, "h"], [60e9, "m"], [1e9, "s"], [1e6, "ms"], [1e3, "us"]];
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(ns) >= units[i][0]) {
        var v = ns / units[i][0];
        return (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + units[i][1];
      }
    }
    return Math.round(ns) + "ns";
  }

  function width() {
    return Math.max(600, view.clientWidth);
  }

  function draw() {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var w = width();
    var plot = w - LABEL - 10;
    var height = AXIS + data.tasks.length * ROW + 6;
    svg.setAttribute("width", w);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + w + " " + height);
    var scale = plot / (to - from);
    function x(t) {
      return LABEL + (t - from) * scale;
    }
    var axis = el("g", {"class": "axis"}, svg);
    var step = Math.pow(10, Math.floor(Math.log10((to - from) / 8)));
    if ((to - from) / step > 16) step *= 5; else if ((to - from) / step > 8) step *= 2;
    for (var t = Math.ceil(from / step) * step; t <= to; t += step) {
      el("line", {x1: x(t), x2: x(t), y1: AXIS - 4, y2: height}, axis);
      el("text", {x: x(t) + 2, y: 12}, axis).textContent = duration(t);
    }
    var rows = el("g", {"class": "rows"}, svg);
    data.tasks.forEach(function (task, i) {
      var y = AXIS + i * ROW;
      var label = el("text", {x: 4, y: y + ROW - 5, "class": "row-label" +
          (task.deadlocked ? " deadlocked" : task.stuck ? " stuck" : ""), "data-task": task.id}, rows);
      label.textContent = (task.truncated ? "\u2026 " : "") + "#" + task.id + " " + task.name;
      el("title", {}, label).textContent = "#" + task.id + " " + task.name + " (" + task.kind +
          ", " + task.state + (task.open ? ", live at the dump" : "") + ")";
      task.segments.forEach(function (segment) {
        var start = Math.max(segment[1], from), end = Math.min(segment[2], to);
        if (end < start || segment[2] < from || segment[1] > to) {
          return;
        }
        var bar = el("rect", {x: x(start), y: y + (ROW - BAR) / 2, width: Math.max(1, (end - start) * scale),
          height: BAR, "class": "seg " + segment[0], "data-task": task.id}, rows);
        el("title", {}, bar).textContent = "#" + task.id + " " + task.name + ": " + segment[0] +
            " " + duration(segment[2] - segment[1]) + " from " + duration(segment[1]) +
            (segment[3] ? "\n" + segment[3] : "");
      });
      if (!task.open && task.end >= from && task.end <= to) {
        el("line", {x1: x(task.end), x2: x(task.end), y1: y + 2, y2: y + ROW - 2,
          "class": "end-mark " + task.state}, rows);
      }
    });
    var arrows = el("g", {"class": "waits"}, svg);
    data.waits.forEach(function (wait) {
      if (wait[2] < from || wait[2] > to) {
        return;
      }
      var y1 = AXIS + rowOf[wait[0]] * ROW + ROW / 2, y2 = AXIS + rowOf[wait[1]] * ROW + ROW / 2;
      el("line", {x1: x(wait[2]), y1: y1, x2: x(wait[2]) + 6, y2: y2, "class": "wait-arrow"}, arrows);
    });
    document.getElementById("timeline-range").textContent = "showing " + duration(from) +
        " to " + duration(to) + " of " + duration(span) +
        (data.omitted > 0 ? "; " + data.omitted + " more tasks not shown" : "");
  }

  function zoom(factor, at) {
    var center = at === undefined ? (from + to) / 2 : at;
    var length = Math.min(span, Math.max(1000, (to - from) * factor));
    from = Math.max(0, Math.min(span - length, center - (center - from) * length / (to - from)));
    to = from + length;
    draw();
  }

  function timeAt(clientX) {
    var box = svg.getBoundingClientRect();
    var plot = width() - LABEL - 10;
    return from + Math.max(0, clientX - box.left - LABEL) / plot * (to - from);
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(event.deltaY < 0 ? 0.8 : 1.25, timeAt(event.clientX));
  }, {passive: false});
  var dragging = null;
  svg.addEventListener("mousedown", function (event) {
    dragging = {x: event.clientX, from: from, to: to};
  });
  window.addEventListener("mouseup", function () { dragging = null; });
  window.addEventListener("mousemove", function (event) {
    if (!dragging) {
      return;
    }
    var shift = (dragging.x - event.clientX) / (width() - LABEL - 10) * (dragging.to - dragging.from);
    shift = Math.max(-dragging.from, Math.min(span - dragging.to, shift));
    from = dragging.from + shift;
    to = dragging.to + shift;
    draw();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(2); });
  document.getElementById("zoom-reset").addEventListener("click", function () {
    from = 0;
    to = span;
    draw();
  });
  window.addEventListener("resize", draw);
  draw();
})();
