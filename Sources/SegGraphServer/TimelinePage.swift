// GET /: one HTML page for people — type a segment (and a window), see the trace drawn by the
// endpoint itself (`/v1/trace?format=svg`) and its visits as a table. No framework, no build
// step, nothing fetched from elsewhere; `?segment=…&from=…&to=…` in the page's URL loads it at
// once, which is how the headless-browser test drives it.

enum TimelinePage {
    static let html = """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>SegGraph trace</title>
    <style>
      body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }
      form { display: flex; gap: .5em; flex-wrap: wrap; align-items: end; margin-bottom: 1em; }
      label { display: flex; flex-direction: column; font-size: 12px; color: #555; }
      input { font: inherit; padding: .3em; }
      table { border-collapse: collapse; margin-top: 1em; }
      td, th { border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; }
      #status { color: #a33; }
    </style></head>
    <body>
    <h1>Everywhere one individual went</h1>
    <form id="query">
      <label>segment <input name="segment" placeholder="cam_03/seg_000005" required></label>
      <label>from <input name="from" placeholder="14:00"></label>
      <label>to <input name="to" placeholder="15:00"></label>
      <label>bearer token <input name="token" type="password" placeholder="(when required)"></label>
      <button>trace</button>
    </form>
    <p id="status"></p>
    <div id="picture"></div>
    <table id="visits"></table>
    <script>
    const form = document.getElementById("query");
    const text = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);
    async function trace(values) {
      const query = new URLSearchParams();
      for (const key of ["segment", "from", "to"]) if (values[key]) query.set(key, values[key]);
      const headers = values.token ? {Authorization: "Bearer " + values.token} : {};
      const status = document.getElementById("status");
      status.textContent = "";
      const [picture, answer] = await Promise.all([
        fetch("/v1/trace?" + query + "&format=svg", {headers}), fetch("/v1/trace?" + query, {headers})]);
      if (!answer.ok) {
        const problem = await answer.json().catch(() => ({detail: answer.statusText}));
        status.textContent = answer.status + ": " + problem.detail;
        return;
      }
      document.getElementById("picture").innerHTML = await picture.text();
      const result = await answer.json();
      const rows = result.visits.map((v) => "<tr><td>" + [v.camera, v.entered, v.left, v.seconds, v.segments,
        v.confidence ?? "-", v.best_segment, v.inferred ? "inferred" : ""].map(text).join("</td><td>") + "</td></tr>");
      document.getElementById("visits").innerHTML =
        "<tr><th>camera</th><th>entered</th><th>left</th><th>seconds</th><th>segments</th><th>confidence</th><th>best segment</th><th></th></tr>"
        + rows.join("");
      status.textContent = result.visits.length + " visits, digest " + result.digest.slice(0, 16);
      status.style.color = "#333";
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      trace(Object.fromEntries(new FormData(form)));
    });
    const initial = Object.fromEntries(new URLSearchParams(location.search));
    if (initial.segment) {
      for (const [key, value] of Object.entries(initial)) if (form.elements[key]) form.elements[key].value = value;
      trace(initial);
    }
    </script>
    </body></html>

    """
}
