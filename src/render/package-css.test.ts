import { describe, expect, it } from 'vitest';
import { filterPackageCss } from './package-css.ts';

describe('filterPackageCss', () => {
  const remote = [
    String.raw`a { background: u\72l(https://evil.example/1) }`,
    String.raw`a { background: url(h\74tps://evil.example/2) }`,
    'a { background-image: image-set("https://evil.example/3" 1x) }',
    'a { background-image: -webkit-image-set(url(https://evil.example/4) 1x) }',
    String.raw`a { background: \75 rl(//evil.example/5) }`,
    String.raw`a { background: url(\\\\evil.example/6) }`,
    'a { --x: url(https://evil.example/7) }',
    'a { background: url("ht\ttps://evil.example/8") }',
    '@font-face { font-family: F; src: url(https://evil.example/9.woff) }',
    '@import "https://evil.example/10.css";',
    String.raw`@\69mport url(https://evil.example/11.css);`,
    'a { background: src("https://evil.example/12") }',
    '@media screen { a { background: url(https://evil.example/13) } }',
    '@supports (background: url(https://evil.example/14)) { a { color: red } }',
    'a { width: expression(alert(1)) }',
  ];
  for (const css of remote) {
    it(`removes ${css}`, () => {
      const r = filterPackageCss(css);
      expect(r.css).not.toMatch(/evil\.example|expression/);
      expect(r.removed.length).toBeGreaterThan(0);
    });
  }

  it('keeps rules that load nothing, relative URLs and data: images', () => {
    const css = 'a{color:#123;margin:0 auto}b{background:url(img/x.png)}c{background:url(data:image/png;base64,AAAA)}@media (min-width:10px){d{color:green}}';
    const r = filterPackageCss(css);
    expect(r.removed).toEqual([]);
    expect(r.css).toBe(css);
  });
});
