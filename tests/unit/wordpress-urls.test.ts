import { describe, expect, it } from 'vitest';
import { apiRootFromLinkHeader, apiUrl, siteUrl } from '../../electron/services/sync/wordpress-target.js';

describe('WordPress addresses', () => {
  it('reads the API root among several Link headers', () => {
    const header = '<https://lnv.vn/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", <https://lnv.vn/wp-json/>; rel="https://api.w.org/"';
    expect(apiRootFromLinkHeader(header)).toBe('https://lnv.vn/wp-json/');
    expect(apiRootFromLinkHeader('<https://lnv.vn/feed>; rel="alternate"')).toBeNull();
    expect(apiRootFromLinkHeader(null)).toBeNull();
  });

  it('builds routes for pretty and plain permalink sites', () => {
    expect(apiUrl('https://lnv.vn/wp-json/', '/wp/v2/posts', { per_page: '5' })).toBe('https://lnv.vn/wp-json/wp/v2/posts?per_page=5');
    expect(apiUrl('https://lnv.vn/index.php?rest_route=/', '/wp/v2/posts', { per_page: '5' })).toBe(
      'https://lnv.vn/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5',
    );
  });

  it('takes an address as people type it', () => {
    expect(siteUrl('langngheviet.com.vn').toString()).toBe('https://langngheviet.com.vn/');
    expect(() => siteUrl('javascript:alert(1)')).toThrow(/không phải địa chỉ trang web/);
    expect(() => siteUrl('ftp://lnv.vn')).toThrow(/http:\/\/ hoặc https:\/\//);
  });
});
