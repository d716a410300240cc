// The list-page chip: "检查本页列出的 N 份年报", bottom right, in a shadow root (page styles cannot reach it,
// it never covers a table: list pages have none). Used by the light script and by the engine, whichever
// settles a list page (a list titled 政府信息公开年报 passes the title gate and reaches the engine).

export const LIST_CHIP_ATTR = 'data-gouji-list-chip';

export function mountListChip(doc: Document, n: number, open: () => void): Element {
  const host = doc.createElement('div');
  host.setAttribute(LIST_CHIP_ATTR, String(n));
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial;position:fixed;right:12px;bottom:12px;z-index:2147483000;font:13px/1.4 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
div{display:flex;gap:2px;background:#fff;border:1px solid #0b57d0;border-radius:16px;box-shadow:0 1px 4px rgba(0,0,0,.2);padding:2px}
button{font:inherit;border:0;background:none;color:#0b57d0;padding:4px 8px;border-radius:14px;cursor:pointer}
button:hover{background:#eef3fd}button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}`;
  const box = doc.createElement('div');
  const go = doc.createElement('button');
  go.type = 'button';
  go.setAttribute('data-action', 'open-batch');
  go.textContent = `勾稽 ✓ 检查本页列出的 ${n} 份年报`;
  go.addEventListener('click', open);
  const close = doc.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => host.remove());
  box.append(go, close);
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}
