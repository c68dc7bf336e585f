// factmark.css in the page: added once for every annotation that needs it,
// removed when the last one goes, never when the page links it itself.

let users = 0;
let link = null;

/** Adds the stylesheet at `href` once (unless the page already links it); resolves true when added, once loaded. */
export async function addStylesheet(href) {
  const linked = [...document.querySelectorAll('link[rel~="stylesheet"]')].some(
    (other) => other.href === href && other !== link,
  );
  if (linked) return false;
  users++;
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.factmarkUi = '';
    const loaded = new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
    document.head.append(link);
    await loaded;
  } else if (!link.sheet) {
    // Another annotation added it and it is still loading.
    await new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
  }
  return true;
}

/** One user fewer; the last one takes the stylesheet out. */
export function removeStylesheet() {
  if (--users > 0) return;
  link?.remove();
  link = null;
}
