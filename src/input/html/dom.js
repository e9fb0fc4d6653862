// HTML → text in the browser: the rules of src/input/html/tokens.rs over the tree of DOMParser.
// The word lists must match tokens.rs (a native test in tokens.rs checks them).
const DROPPED = new Set('script style noscript template head title nav footer aside iframe object svg math select button textarea noframes xmp'.split(' '));
const FURNITURE = new Set('nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs footer copyright share bdsharebuttonbox sidebar toolbar'.split(' '));
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
const BLOCK = new Set('address article blockquote body caption center dd details dialog div dl dt fieldset figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p pre section summary table tbody tfoot thead tr ul'.split(' '));
// Rust's char::is_whitespace, for the final trim
const TAIL = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/;

// The text being built: parts (never a long string searched from its end) and its last two chars.
class Out {
  constructor() { this.parts = []; this.space = false; this.c1 = ''; this.c2 = ''; }
  start() { return this.c1 === '' || this.c1 === '\n'; }
  push(x) {
    if (!x) return;
    this.parts.push(x);
    this.c2 = x.length > 1 ? x[x.length - 2] : this.c1;
    this.c1 = x[x.length - 1];
  }
  trim() {
    const p = this.parts;
    while (p.length) {
      const q = p[p.length - 1].replace(/[ \t]+$/, '');
      if (q) { p[p.length - 1] = q; break; }
      p.pop();
    }
    let t = '';
    for (let i = p.length - 1; i >= 0 && t.length < 2; i--) t = p[i] + t;
    this.c1 = t ? t[t.length - 1] : '';
    this.c2 = t.length > 1 ? t[t.length - 2] : '';
    this.space = false;
  }
  text(t, pre) {
    if (pre) { this.space = false; this.push(t.replace(/\r\n?/g, '\n')); return; }
    let b = '';
    for (const c of t) {
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') { this.space = true; continue; }
      if (this.space && !this.start() && this.c1 !== '\t') { b += ' '; this.c2 = this.c1; this.c1 = ' '; }
      this.space = false;
      b += c; this.c2 = this.c1; this.c1 = c;
    }
    if (b) this.parts.push(b);
  }
  lineEnd() { this.trim(); if (!this.start()) this.push('\n'); }
  br() { this.trim(); if (this.c1 !== '' && !(this.c1 === '\n' && this.c2 === '\n')) this.push('\n'); }
  cellEnd() { this.trim(); if (!this.start()) this.push('\t'); }
}

function furniture(el) {
  if (el.hasAttribute('hidden')) return true;
  for (const k of ['class', 'id']) {
    const v = el.getAttribute(k);
    if (v !== null && v.toLowerCase().split(/[ \-_\t\n]/).some((w) => FURNITURE.has(w))) return true;
  }
  return false;
}

function walk(root) {
  const o = new Out();
  let pre = 0;
  const enter = (el) => {
    const name = el.localName;
    const isVoid = VOID.has(name);
    if (!isVoid && (DROPPED.has(name) || furniture(el))) return false;
    if (name === 'br') o.br();
    else if (name === 'pre' || name === 'listing') { o.lineEnd(); if (!isVoid) pre++; }
    else if (name !== 'td' && name !== 'th' && BLOCK.has(name)) o.lineEnd();
    return !isVoid;
  };
  const leave = (el) => {
    const name = el.localName;
    if (name === 'pre' || name === 'listing') { pre = Math.max(0, pre - 1); o.lineEnd(); }
    else if (name === 'td' || name === 'th') o.cellEnd();
    else if (BLOCK.has(name)) o.lineEnd();
  };
  // iterative (a page may nest thousands of elements)
  let n = root;
  while (n) {
    let inside = false;
    if (n.nodeType === 3) o.text(n.data, pre > 0);
    else if (n.nodeType === 1) inside = enter(n);
    if (inside && n.firstChild) { n = n.firstChild; continue; }
    if (inside) leave(n);
    while (n !== root && !n.nextSibling) { n = n.parentNode; leave(n); }
    if (n === root) break;
    n = n.nextSibling;
  }
  o.trim();
  return o.parts.join('').replace(TAIL, '');
}

// Without DOMParser (a worker, an old engine): tags out, a few entities, block ends as lines.
function strip(html) {
  const ent = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
  return html
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\b[^>]*>|<\/(p|div|li|tr|h\d|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
      if (e[0] !== '#') return ent[e.toLowerCase()] ?? m;
      const c = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return c > 0 && c < 0x110000 ? String.fromCodePoint(c) : m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

// Elements whose end tag may be left out (the parser closes them): not counted as depth.
const OPTIONAL_END = new Set('p li dt dd td th tr tbody thead tfoot option optgroup rt rp colgroup caption'.split(' '));

// The deepest nesting of the tags, roughly (one linear pass). The browser's tree builder looks
// through the stack of open elements at every tag, so 100,000 nested divs take it ~25 s:
// deeper than any real page (Chromium's tree stops at 512 levels), such markup is stripped.
function depth(html) {
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>/g;
  let d = 0, max = 0, m;
  while ((m = re.exec(html)) !== null) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    if (m[1]) d = Math.max(0, d - 1);
    else if (++d > max) max = d;
  }
  return max;
}

export function html_text(html) {
  try {
    if (typeof DOMParser === 'undefined' || depth(html) > 1000) return strip(html);
    return walk(new DOMParser().parseFromString(html, 'text/html').documentElement);
  } catch (e) {
    return strip(html);
  }
}
