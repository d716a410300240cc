import { describe, expect, it } from 'vitest';
import { bodyKey, sameBody } from '../../../lib/batch/body';

// Agency names as they appear on real pages: the five seeds (/work/shared/seeds) and the real PDFs
// (/work/shared/real-reports: 洪泽区 2023 vs 淮安市洪泽区 2024, 淮安市).
describe('body names (lib/batch/body)', () => {
  it('strips the government office suffixes, whitespace and 繁體', () => {
    expect(bodyKey('中山市人民政府办公室')).toBe('中山市');
    expect(bodyKey('中山市人民政府')).toBe('中山市');
    expect(bodyKey('广东省人民政府办公厅')).toBe('广东省');
    expect(bodyKey('汕尾市城区人民政府')).toBe('汕尾市城区');
    expect(bodyKey('雙鴨山市')).toBe('双鸭山市');
    expect(bodyKey('双鸭山市人民政府')).toBe('双鸭山市');
    expect(bodyKey('君堂镇人民政府')).toBe('君堂镇');
    expect(bodyKey(' 广东省政务服务和数据管理局 ')).toBe('广东省政务服务和数据管理局');
    expect(bodyKey('淮安市 人民政府')).toBe('淮安市');
    expect(bodyKey('中山市财政局')).toBe('中山市财政局');
    expect(bodyKey('（中山市）人民政府办公室')).toBe('中山市');
    expect(bodyKey(null)).toBe('');
  });
  it('matches the same body across years, never a department with its government', () => {
    const u = 'http://www.zs.gov.cn/a.html';
    expect(sameBody({ agency: '中山市人民政府办公室', url: u }, { agency: '中山市人民政府', url: null })).toBe(true);
    expect(sameBody({ agency: '雙鴨山市', url: null }, { agency: '双鸭山市人民政府', url: null })).toBe(true);
    expect(sameBody({ agency: '中山市人民政府', url: u }, { agency: '中山市财政局', url: u })).toBe(false);
    expect(sameBody({ agency: '中山市', url: u }, { agency: '江门市', url: u })).toBe(false);
    expect(sameBody({ agency: null, url: u }, { agency: null, url: u })).toBe(false);
  });
  it('洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body on one site; a short name never crosses sites', () => {
    const site = 'http://www.hongze.gov.cn/';
    expect(
      sameBody(
        { agency: '淮安市洪泽区人民政府', url: `${site}2024.html` },
        { agency: '洪泽区人民政府', url: `${site}2023.html` },
      ),
    ).toBe(true);
    expect(
      sameBody(
        { agency: '淮安市洪泽区人民政府', url: `${site}2024.html` },
        { agency: '洪泽区人民政府', url: 'http://other.gov.cn/x' },
      ),
    ).toBe(false);
    expect(
      sameBody(
        { agency: '汕尾市城区人民政府', url: 'http://www.swchengqu.gov.cn/' },
        { agency: '城区人民政府', url: 'http://www.swchengqu.gov.cn/' },
      ),
    ).toBe(false);
  });
});
