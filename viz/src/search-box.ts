// The search input and its suggestion list: typing lists matches (canonical name or alias,
// simplified or traditional), arrows move, Enter or a click chooses, Escape closes.
import { NODE_TYPE_COLORS, colorFor } from './data.js';
import { el } from './highlight.js';
import type { SearchIndex } from './search.js';

const SUGGESTIONS = 12;

export class SearchBox {
  private active = -1;

  constructor(
    private input: HTMLInputElement,
    private list: HTMLUListElement,
    private index: SearchIndex,
    private onChoose: (node: string) => void,
    signal: AbortSignal,
  ) {
    input.addEventListener('input', () => this.render(), { signal });
    input.addEventListener('focus', () => input.value && this.render(), { signal });
    input.addEventListener('blur', () => this.close(), { signal });
    input.addEventListener('keydown', (ev) => this.onKey(ev), { signal });
  }

  private items(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('li.suggestion')];
  }

  private render(): void {
    const hits = this.index.search(this.input.value, SUGGESTIONS);
    this.list.replaceChildren();
    this.active = hits.length ? 0 : -1;
    hits.forEach((hit, i) => {
      const li = el('li', 'suggestion');
      li.setAttribute('role', 'option');
      li.dataset.node = hit.node;
      const swatch = el('span', 'swatch');
      swatch.style.background = colorFor(NODE_TYPE_COLORS, hit.type, 0);
      li.append(swatch, el('span', 'label', hit.label), el('span', 'type', hit.type));
      if (hit.matched !== hit.label) li.append(el('span', 'alias', `= ${hit.matched}`));
      if (i === 0) li.classList.add('active');
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault(); // keep focus in the input until the choice is applied
        this.choose(hit.node, hit.label);
      });
      this.list.append(li);
    });
    if (this.input.value.trim() !== '' && hits.length === 0) this.list.append(el('li', 'empty', 'no match'));
    this.list.hidden = this.list.childElementCount === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private choose(node: string, label: string): void {
    this.input.value = label;
    this.close();
    this.onChoose(node);
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (this.list.hidden) return this.render();
      const items = this.items();
      if (!items.length) return;
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === this.active));
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      // The highlighted suggestion, or the best match when the list was never shown.
      const chosen = this.items()[this.active]?.dataset.node;
      const hit = chosen ? this.index.search(this.input.value, SUGGESTIONS).find((h) => h.node === chosen) : this.index.search(this.input.value, 1)[0];
      if (hit) this.choose(hit.node, hit.label);
    } else if (ev.key === 'Escape') {
      this.close();
    }
  }
}
