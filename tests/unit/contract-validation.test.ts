import { describe, expect, it } from 'vitest';
import { contract, CALL_NAMES } from '../../shared/contract.js';
import { parseCallInput } from '../../shared/contract-validation.js';
import { DeskError } from '../../shared/errors.js';

function rejection(name: string, input: unknown): DeskError {
  try {
    parseCallInput(name, input);
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error(`${name} accepted ${JSON.stringify(input)}`);
}

describe('contract validation', () => {
  it('refuses a call that does not exist, in Vietnamese', () => {
    const error = rejection('articles.dropTable', {});
    expect(error.code).toBe('unknown_call');
    expect(error.message).toContain('Không có lệnh');
  });

  it('refuses wrong types, missing fields and unknown keys with a message naming the field', () => {
    const wrongType = rejection('articles.get', { id: 'mười hai' });
    expect(wrongType.code).toBe('invalid_input');
    expect(wrongType.message).toContain('id');
    expect(wrongType.message).toMatch(/không hợp lệ/);

    expect(rejection('articles.get', {}).details?.join(' ')).toContain('id');
    expect(rejection('articles.get', { id: -3 }).code).toBe('invalid_input');
    expect(rejection('articles.save', { id: 1, fields: { title: 'x', evil: true }, reason: 'autosave' }).message).toContain('evil');
    expect(rejection('articles.save', { id: 1, fields: {}, reason: 'whenever' }).code).toBe('invalid_input');
    expect(rejection('articles.save', { id: 1, fields: { status: 'lost' }, reason: 'explicit' }).code).toBe('invalid_input');
    expect(rejection('articles.save', { id: 1, fields: { body: { type: 'paragraph' } }, reason: 'explicit' }).code).toBe('invalid_input');
    expect(rejection('articles.list', { limit: 1_000_000 }).code).toBe('invalid_input');
    expect(rejection('assets.get', { hash: '../../etc/passwd' }).code).toBe('invalid_input');
  });

  it('refuses payloads that are not objects', () => {
    for (const bad of ['x', 42, [], true]) {
      expect(rejection('articles.create', bad).code).toBe('invalid_input');
    }
  });

  it('normalises text to NFC on the way in', () => {
    const nfd = 'Làng nghề Đồng Kỵ'.normalize('NFD');
    const { input } = parseCallInput<'articles.save'>('articles.save', {
      id: 1,
      fields: { title: nfd, tags: [nfd] },
      reason: 'autosave',
    });
    expect(input.fields.title).toBe('Làng nghề Đồng Kỵ');
    expect(input.fields.tags?.[0]).toBe('Làng nghề Đồng Kỵ');
  });

  it('fills defaults so services get a complete request', () => {
    const { input } = parseCallInput<'articles.list'>('articles.list', {});
    expect(input).toMatchObject({ trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 100 });
  });

  it('describes every call', () => {
    for (const name of CALL_NAMES) expect(contract[name].summary.length).toBeGreaterThan(3);
  });
});
