"""The page template: pyvis's data/options blocks with vis-network inlined,
without pyvis's bootstrap/tom-select links (so the page makes no network
request) and without its ``innerHTML`` popup for titles containing "href".

Tooltips arrive as HTML whose every piece of article text was escaped in
Python (:mod:`graphkit.viz.html`); the script turns them into elements.

>>> "https://" in TEMPLATE
False
"""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="graphkit">
<title>{{ page_title }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<style>
  html, body { margin: 0; padding: 0; height: 100%; font-family: system-ui, sans-serif; background: {{ bgcolor }}; }
  #gk-header { padding: 6px 12px; font-size: 15px; border-bottom: 1px solid #ddd; }
  #gk-header small { color: #666; margin-left: 8px; }
  #mynetwork { width: {{ width }}; height: {{ height }}; position: relative; }
  #gk-legend { position: absolute; top: 44px; right: 10px; background: rgba(255,255,255,0.92);
               border: 1px solid #ccc; border-radius: 4px; padding: 6px 10px; font-size: 12px; line-height: 1.5; }
  .gk-legend-title { font-weight: bold; margin-top: 4px; }
  .gk-glyph { display: inline-block; width: 14px; text-align: center; }
  .gk-line { display: inline-block; width: 22px; vertical-align: middle; }
  div.vis-tooltip { max-width: 460px; white-space: normal; font-size: 13px; line-height: 1.35; }
  .gk-tip q { font-style: italic; }
</style>
</head>
<body>
<div id="gk-header">{{ heading_html }}</div>
<div id="mynetwork"></div>
<div id="gk-legend">{{ legend_html }}</div>
<script type="text/javascript">
  var nodes, edges, network, options;
  function gkTip(escapedHtml) {
    var div = document.createElement("div");
    div.className = "gk-tip";
    div.innerHTML = escapedHtml;   /* built from html.escape()d text only */
    return div;
  }
  function drawGraph() {
    var container = document.getElementById("mynetwork");
    var nodeList = {{ nodes|tojson }};
    var edgeList = {{ edges|tojson }};
    for (var i = 0; i < nodeList.length; i++) {
      if (typeof nodeList[i].title === "string") { nodeList[i].title = gkTip(nodeList[i].title); }
    }
    for (var j = 0; j < edgeList.length; j++) {
      if (typeof edgeList[j].title === "string") { edgeList[j].title = gkTip(edgeList[j].title); }
    }
    nodes = new vis.DataSet(nodeList);
    edges = new vis.DataSet(edgeList);
    options = {{ options|safe }};
    network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
    network.once("afterDrawing", function () { document.body.setAttribute("data-gk-drawn", "1"); });
    return network;
  }
  drawGraph();
</script>
</body>
</html>
"""
