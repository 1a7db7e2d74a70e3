// Live progress of the company's run in the Synchronization Manager: polls the server once a
// second while a run goes, and reloads the page when it ends so the new run is listed.
(function () {
  var box = document.getElementById("live");
  if (!box) return;
  var text = document.getElementById("live-text");
  var bar = document.getElementById("live-bar");
  var fr = document.documentElement.lang === "fr";
  var wasRunning = false;
  function show(live) {
    if (!live) return false;
    if (live.finished) {
      // Reload once the list does not yet show the run's end (or the run at all).
      var row = live.run_id ? document.getElementById("run-" + live.run_id) : null;
      if (wasRunning || (live.run_id && (!row || row.dataset.status === "in_progress"))) {
        window.location.reload();
      }
      return false;
    }
    var words = (fr ? "En cours : " : "Running: ") + (live.entity || "…") + " — " + (live.phase || "") +
      " " + live.done + (live.total ? " / " + live.total : "");
    if (live.pending_until) {
      words += fr ? " — en attente jusqu'à " : " — pending until ";
      words += new Date(live.pending_until).toLocaleTimeString();
    }
    text.textContent = words;
    if (live.total) { bar.hidden = false; bar.max = live.total; bar.value = Math.min(live.done, live.total); }
    return true;
  }
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        var running = show(live);
        wasRunning = wasRunning || running;
        setTimeout(poll, running ? 1000 : 3000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  poll();
})();
