// Live preview: `mediakit serve` adds this to the pages it serves, never to a build.
(() => {
  const servedPages = __PAGES_VERSION__;
  let shownPages = servedPages;
  let knownPdf = null;

  const box = document.createElement("div");
  box.id = "mediakit-preview-notice";
  box.setAttribute("role", "status");
  box.style.cssText =
    "position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;" +
    "font:14px/1.45 system-ui,sans-serif;white-space:pre-wrap;border-radius:8px;" +
    "padding:.8rem 1rem;box-shadow:0 4px 20px rgba(0,0,0,.25);color:#fff;display:none";
  document.body.append(box);
  let showingError = false;
  let hideTimer = null;
  const show = (text, failed) => {
    clearTimeout(hideTimer);
    showingError = failed;
    box.textContent = text;
    box.style.background = failed ? "#7f1d1d" : "#14532d";
    box.style.display = "block";
  };

  const reload = () => {
    sessionStorage.setItem("mediakit-scroll", String(window.scrollY));
    location.reload();
  };
  const saved = sessionStorage.getItem("mediakit-scroll");
  if (saved) {
    sessionStorage.removeItem("mediakit-scroll");
    window.scrollTo(0, Number(saved));
  }

  const markPdfLinks = () => {
    if (knownPdf === null) return;
    for (const link of document.querySelectorAll('a[href$=".pdf"], a[href*=".pdf?"]')) {
      link.href = link.href.split("?")[0] + "?v=" + knownPdf;
    }
  };

  // What a swap cannot change in place: language, direction and stylesheets.
  // Stylesheets are compared by their address as built (data-href keeps it
  // once refreshStylesheets has added a "?v=" to load a file again).
  const frame = (doc) =>
    [
      doc.documentElement.getAttribute("lang"),
      doc.documentElement.getAttribute("dir"),
      ...[...doc.head.querySelectorAll('link[rel="stylesheet"]')].map(
        (e) => e.dataset.href || e.getAttribute("href"),
      ),
      ...[...doc.head.querySelectorAll("style")].map((e) => e.textContent),
    ].join("\n");

  // The stylesheets' files may have changed under the same names: load them
  // again beside the old ones, and drop the old ones once the new have loaded.
  const refreshStylesheets = (version) => {
    for (const old of document.head.querySelectorAll('link[rel="stylesheet"]')) {
      const fresh = old.cloneNode();
      fresh.dataset.href = old.dataset.href || old.getAttribute("href");
      fresh.href = old.href.split("?")[0] + "?v=" + version;
      fresh.addEventListener("load", () => old.remove());
      old.after(fresh);
    }
  };

  // New pages are swapped in without a reload: fonts and images stay loaded
  // and the scroll position stays, so an edit shows at once.
  let swapping = false;
  let wanted = 0;
  const swapIn = async (version) => {
    wanted = Math.max(wanted, version);
    if (swapping) return;
    swapping = true;
    const target = wanted;
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      if (!response.ok || frame(next) !== frame(document)) return reload();
      const y = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(next.body);
      document.body.append(box);
      window.scrollTo(0, y);
      shownPages = target;
      markPdfLinks();
      refreshStylesheets(target);
    } catch (error) {
      reload();
    } finally {
      swapping = false;
    }
    if (wanted > shownPages) swapIn(wanted);
  };

  const events = new EventSource("__EVENTS_PATH__");
  events.onmessage = (message) => {
    const status = JSON.parse(message.data);
    // A restarted `mediakit serve` counts versions from 0 again.
    if (status.server !== "__SERVER_ID__") return reload();
    if (status.problems.length) {
      show(status.problems.join("\n") + "\n\nFix the file and save it; this page will follow.", true);
      return;
    }
    if (showingError) {
      showingError = false;
      box.style.display = "none";
    }
    if (status.pages_version > shownPages) swapIn(status.pages_version);
    if (knownPdf !== null && status.pdf_version > knownPdf) {
      knownPdf = status.pdf_version;
      markPdfLinks();
      show("PDF updated.", false);
      hideTimer = setTimeout(() => {
        box.style.display = "none";
      }, 2500);
    }
    knownPdf = status.pdf_version;
  };
})();
