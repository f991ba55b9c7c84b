import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CallInput, CallName, CallOutput, DeskApi, EventName, EventPayload } from '../../shared/contract.js';
import type { ArticleSummary } from '../../shared/model/article.js';
import type { PageSlot, PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { PrintIssue } from '../../shared/model/workspace.js';
import { slot, spreads } from '../../shared/print/flatplan.js';
import { ApiContext } from '../../renderer/api/api-context.js';
import { initI18n } from '../../renderer/i18n/i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
initI18n();

type Handlers = { [N in CallName]?: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

/** A DeskApi answering from `handlers`, recording every call, with events the test pushes. */
export function fakeApi(handlers: Handlers) {
  const calls: { name: CallName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: DeskApi = {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      calls.push({ name, input });
      const handler = handlers[name] as ((i: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>>) | undefined;
      if (!handler) throw new Error(`unexpected call ${name}`);
      return handler(input);
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    assetUrl: (hash) => `/assets/${hash}`,
    printBaseUrl: () => 'http://127.0.0.1:9/print/test-token/',
  };
  const emit = async <E extends EventName>(event: E, payload: EventPayload<E>) => {
    await act(async () => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  const callsTo = (name: CallName) => calls.filter((c) => c.name === name).map((c) => c.input);
  return { api, calls, callsTo, emit };
}

export const ISSUE: PrintIssue = { id: 7, number: 456, title: '', publishDate: '2025-11-01', pageCount: 12, status: 'layout', slug: 'so-456' };

export const ARTICLES: ArticleSummary[] = [
  article(31, 'Làng gốm Bát Tràng rộn ràng đơn hàng cuối năm', 'approved'),
  article(32, 'Lụa Vạn Phúc giữ nghề', 'edited'),
  article(33, 'Đồng Kỵ và những bộ bàn ghế', 'draft'),
];

function article(id: number, title: string, status: ArticleSummary['status']): ArticleSummary {
  return { id, uid: `u${id}`, title, sectionId: null, sectionName: null, issueId: ISSUE.id, status, wordCount: 1200, createdAt: '2025-10-01T00:00:00Z', updatedAt: '2025-10-02T00:00:00Z', deletedAt: null };
}

/**
 * Twelve pages: cover, inside cover, contents, Bát Tràng on 4–6, empty 7–8, an ad on 9, empty 10–12.
 */
export function makeDetail(overrides: Partial<PrintIssueDetail> = {}): PrintIssueDetail {
  const pages: PageSlot[] = [
    slot('cover'),
    slot('inside-cover'),
    slot('toc'),
    slot('article', { articleId: 31, template: 'article-opener' }),
    slot('article', { articleId: 31, template: 'article-continuation' }),
    slot('article', { articleId: 31, template: 'article-continuation' }),
    slot('empty'),
    slot('empty'),
    slot('ad', { label: 'Quảng cáo Vinamilk' }),
    slot('empty'),
    slot('empty'),
    slot('empty'),
  ];
  return {
    issue: ISSUE,
    flatplan: { pages, copyfit: {} },
    spreads: spreads(pages.length),
    toc: [],
    placed: [{ articleId: 31, title: ARTICLES[0]?.title ?? '', status: 'approved', section: 'Làng nghề', firstPage: 4, lastPage: 6 }],
    warnings: [],
    ...overrides,
  };
}

export function makeLayout(detail: PrintIssueDetail): CallOutput<'print.layout'> {
  return {
    head: '<style>.page{width:216mm;height:303mm}</style>',
    pages: detail.flatplan.pages.map((p, i) => ({
      page: i + 1,
      kind: p.kind,
      articleId: p.articleId,
      html: `<section class="page" data-page="${i + 1}"><p>Nội dung trang ${i + 1}</p></section>`,
    })),
    fits: [{ articleId: 31, pages: [4, 5, 6], oversetLines: 12, oversetWords: 85, oversetExcerpt: 'Những lò nung', undersetLines: 0 }],
    pageWidthMm: 210,
    pageHeightMm: 297,
    sheetBleedMm: 3,
    elapsedMs: 40,
  };
}

/** The calls the desk makes on opening an issue, answering with `detail`. */
export function deskHandlers(detail: PrintIssueDetail = makeDetail()): Handlers {
  return {
    'issues.list': () => [ISSUE],
    'sections.list': () => [],
    'print.issue.get': () => detail,
    'print.layout': () => makeLayout(detail),
    'articles.list': () => ({ items: ARTICLES, total: ARTICLES.length }),
  };
}

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

export async function render(api: DeskApi, ui: ReactNode): Promise<Rendered> {
  localStorage.clear();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<ApiContext.Provider value={api}>{ui}</ApiContext.Provider>));
  await settle();
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending calls resolve and React re-render. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The element's accessible name as these components give it: aria-label, else its text. */
const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();

export function button(within: ParentNode, name: string | RegExp): HTMLButtonElement {
  const all = [...within.querySelectorAll('button')];
  const found = all.find((b) => (typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b))));
  if (!found) throw new Error(`no button ${String(name)} among: ${all.map(nameOf).join(' | ')}`);
  return found;
}

/** The form control inside the <label> whose text starts with `text`. */
export function field<T extends HTMLElement = HTMLInputElement>(within: ParentNode, text: string): T {
  const label = [...within.querySelectorAll('label')].find((l) => (l.textContent ?? '').trim().startsWith(text));
  const control = label?.querySelector('input, select, textarea');
  if (!control) throw new Error(`no field labelled ${text}`);
  return control as unknown as T;
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Types a value the way React notices it (the native setter, then an input event). */
export async function type(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle();
}

export async function submit(form: HTMLFormElement): Promise<void> {
  await act(async () => {
    form.requestSubmit();
  });
  await settle();
}

/** A drag from `source` dropped on `target`, as the browser fires it (without a DataTransfer, as in happy-dom). */
export async function dragAndDrop(source: Element, target: Element): Promise<void> {
  await act(async () => {
    source.dispatchEvent(new Event('dragstart', { bubbles: true }));
    target.dispatchEvent(new Event('dragover', { bubbles: true, cancelable: true }));
    target.dispatchEvent(new Event('drop', { bubbles: true, cancelable: true }));
    source.dispatchEvent(new Event('dragend', { bubbles: true }));
  });
  await settle();
}

export const pageCard = (within: ParentNode, page: number) => {
  const card = within.querySelector(`.page-card[data-page="${page}"]`);
  if (!card) throw new Error(`no card for page ${page}`);
  return card;
};
