import { beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, EventName } from '../../shared/contract.js';
import { paragraphsToBody } from '../../shared/article-body.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { manualClock, tempDir } from '../support/temp-dir.js';

let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
const clock = manualClock();
const events: [EventName, unknown][] = [];

beforeAll(async () => {
  ws = await Workspace.open(tempDir('lnv-handlers-'), { seed: false, now: clock.now });
  ws.events.subscribe((event, payload) => events.push([event, payload]));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
});

describe('contract calls over the services', () => {
  it('diffs two revisions, or a revision and the article now, word by word', async () => {
    const a = await call('articles.create', { title: 'Làng lụa Vạn Phúc' });
    await call('articles.save', { id: a.id, fields: { body: paragraphsToBody(['Nghề dệt có từ lâu đời.']) }, reason: 'explicit' });
    clock.advance(60_000);
    await call('articles.save', { id: a.id, fields: { title: 'Làng lụa Vạn Phúc vào hội', body: paragraphsToBody(['Nghề dệt có từ hơn nghìn năm.']) }, reason: 'explicit' });
    const [newest, older] = await call('revisions.list', { articleId: a.id });
    const diff = await call('revisions.diff', { fromId: older!.id, toId: newest!.id });
    expect(diff.map((d) => d.field)).toEqual(['title', 'body']);
    const changed = (field: string) => diff.find((d) => d.field === field)!.segments.filter((s) => s.kind !== 'same').map((s) => `${s.kind}:${s.text.trim()}`);
    expect(changed('title')).toEqual(['added:vào hội']);
    expect(changed('body')).toEqual(['removed:lâu đời', 'added:hơn nghìn năm']);
    clock.advance(60_000);
    await call('articles.save', { id: a.id, fields: { sapo: 'LNV - Mới thêm.' }, reason: 'autosave' });
    expect((await call('revisions.diff', { fromId: newest!.id })).map((d) => d.field)).toEqual(['sapo']);
    const other = await call('articles.create', { title: 'Bài khác' });
    const [otherRevision] = await call('revisions.list', { articleId: other.id });
    await expect(call('revisions.diff', { fromId: older!.id, toId: otherRevision!.id })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('names the person at the desk in notes and in the workflow history', async () => {
    expect((await call('user.set', { name: '  Hoàng Lan ' })).name).toBe('Hoàng Lan');
    await expect(call('user.set', { name: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    const a = await call('articles.create', { title: 'Bài gửi duyệt' });
    await call('articles.save', { id: a.id, fields: { status: 'submitted' }, reason: 'autosave' });
    expect((await call('articles.statusHistory', { id: a.id })).map((c) => `${c.toStatus}/${c.changedBy}`)).toEqual(['draft/Hoàng Lan', 'submitted/Hoàng Lan']);
    events.length = 0;
    const note = await call('notes.add', { articleId: a.id, body: 'Thiếu ảnh chính.', anchor: { field: 'sapo', quote: 'LNV' } });
    expect(note).toMatchObject({ author: 'Hoàng Lan', anchor: { field: 'sapo', quote: 'LNV' }, resolvedAt: null });
    expect((await call('notes.resolve', { id: note.id, resolved: true })).resolvedBy).toBe('Hoàng Lan');
    expect(events).toEqual([
      ['notes.changed', { articleId: a.id }],
      ['notes.changed', { articleId: a.id }],
    ]);
  });
});
