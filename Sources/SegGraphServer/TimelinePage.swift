// GET /: one HTML page for people — search segments by label, camera and time, pick one (or
// type its id), see its trace drawn by the endpoint itself (`/v1/trace?format=svg`) and its
// visits as a table with a thumbnail where the camera's video is known and a link to each
// segment's JSON. No framework, no build step, nothing fetched from elsewhere.
// `?segment=…&from=…&to=…` in the page's URL traces at once, `?label=…&source=…` searches at
// once: that is how the headless-browser test drives it.

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
      #status, #found { color: #a33; }
      img.thumb { height: 48px; vertical-align: middle; }
    </style></head>
    <body>
    <h1>Everywhere one individual went</h1>
    <form id="search">
      <label>label <input name="label" placeholder="person"></label>
      <label>camera <input name="source" placeholder="cam_03"></label>
      <label>from <input name="from" placeholder="14:00"></label>
      <label>to <input name="to" placeholder="14:05"></label>
      <button>search</button>
    </form>
    <p id="found"></p>
    <table id="segments"></table>
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
    const searchForm = document.getElementById("search");
    const text = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);
    const authorization = () => form.elements.token.value ? {Authorization: "Bearer " + form.elements.token.value} : {};
    const jsonLink = (id) => '<a href="/v1/segments/' + encodeURIComponent(id) + '">' + text(id) + "</a>";
    async function search(values) {
      const query = new URLSearchParams({limit: "50"});
      for (const key of ["label", "source", "from", "to"]) if (values[key]) query.set(key, values[key]);
      const found = document.getElementById("found");
      const answer = await fetch("/v1/segments?" + query, {headers: authorization()});
      if (!answer.ok) {
        const problem = await answer.json().catch(() => ({detail: answer.statusText}));
        found.textContent = answer.status + ": " + problem.detail;
        return;
      }
      const rows = await answer.json();
      document.getElementById("segments").innerHTML =
        "<tr><th>segment</th><th>label</th><th>start</th><th>seconds</th><th></th></tr>" + rows.map((r) =>
          "<tr><td>" + jsonLink(r.segment) + "</td><td>" + [r.label, r.start, r.seconds].map(text).join("</td><td>")
          + '</td><td><button class="pick" data-segment="' + text(r.segment) + '">trace</button></td></tr>').join("");
      found.textContent = rows.length + " segments" + (answer.headers.get("Link") ? " (first page)" : "");
      found.style.color = "#333";
      for (const button of document.querySelectorAll("button.pick")) button.addEventListener("click", () => {
        form.elements.segment.value = button.dataset.segment;
        trace(Object.fromEntries(new FormData(form)));
      });
    }
    // A thumbnail where the segment's camera has a video: fetched with the token (an <img src>
    // could not send it) and shown from a blob; a 404 (no video) leaves the cell empty.
    async function thumbnail(cell, id) {
      const picture = await fetch("/v1/segments/" + encodeURIComponent(id) + "/thumbnail.jpg", {headers: authorization()});
      if (!picture.ok) return;
      const image = document.createElement("img");
      image.className = "thumb";
      image.alt = id;
      image.src = URL.createObjectURL(await picture.blob());
      cell.appendChild(image);
    }
    async function trace(values) {
      const query = new URLSearchParams();
      for (const key of ["segment", "from", "to"]) if (values[key]) query.set(key, values[key]);
      const headers = authorization();
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
        v.confidence ?? "-"].map(text).join("</td><td>") + "</td><td>" + jsonLink(v.best_segment) + "</td><td>"
        + (v.inferred ? "inferred" : "") + '</td><td class="picture"></td></tr>');
      document.getElementById("visits").innerHTML =
        "<tr><th>camera</th><th>entered</th><th>left</th><th>seconds</th><th>segments</th><th>confidence</th><th>best segment</th><th></th><th>thumbnail</th></tr>"
        + rows.join("");
      const cells = document.querySelectorAll("#visits td.picture");
      await Promise.all(result.visits.map((v, i) => thumbnail(cells[i], v.best_segment)));
      status.textContent = result.visits.length + " visits, digest " + result.digest.slice(0, 16);
      status.style.color = "#333";
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      trace(Object.fromEntries(new FormData(form)));
    });
    searchForm.addEventListener("submit", (event) => {
      event.preventDefault();
      search(Object.fromEntries(new FormData(searchForm)));
    });
    const initial = Object.fromEntries(new URLSearchParams(location.search));
    if (initial.segment) {
      for (const [key, value] of Object.entries(initial)) if (form.elements[key]) form.elements[key].value = value;
      trace(initial);
    } else if (initial.label || initial.source) {
      for (const [key, value] of Object.entries(initial)) if (searchForm.elements[key]) searchForm.elements[key].value = value;
      search(initial);
    }
    </script>
    </body></html>

    """
}
