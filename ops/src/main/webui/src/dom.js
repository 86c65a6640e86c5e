/**
 * h('tag.class', {attr: value, onclick: fn}, ...children): an element. Children are nodes or text (never
 * parsed as HTML, so values from the broker cannot inject markup); null and false are skipped.
 */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs !== null && attrs !== undefined
    && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the element's content. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A message saying what went wrong, in the page rather than in an alert. */
export function errorBox(error, testid = 'error') {
  return h('div.error', { role: 'alert', 'data-testid': testid }, error?.message ?? String(error));
}

/** The values of a form's named fields. */
export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
