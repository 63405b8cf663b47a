import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './svg-sanitize.ts';

const svg = (body: string, attrs = '') => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>${body}</svg>`);
const clean = (body: string, attrs = '') => {
  const r = sanitizeSvg(svg(body, attrs), 't.svg');
  return { text: new TextDecoder().decode(r.bytes!), changed: r.changed };
};

describe('sanitizeSvg', () => {
  const attacks: [string, string, string?][] = [
    ['script element', '<script>steal()</script>'],
    ['event handler on the root', '', ' onload="steal()"'],
    ['event handler', '<rect onclick="steal()"/>'],
    ['javascript: link', '<a href="javascript:steal()"><text>x</text></a>'],
    ['xlink javascript: on use', '<use xlink:href="javascript:steal()"/>'],
    ['external use', '<use href="https://evil.example/s.svg#a"/>'],
    ['foreignObject', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="steal()">x</div></foreignObject>'],
    ['animation setting href', '<a><set attributeName="href" to="javascript:steal()"/></a>'],
    ['animate values', '<animate attributeName="href" values="javascript:steal()"/>'],
    ['external image', '<image href="https://evil.example/p.png"/>'],
    ['style loading a URL', '<style>rect { fill: url(https://evil.example/x) }</style>'],
    ['style attribute with an escaped URL', '<rect style="fill: u\\72l(https://evil.example/x)"/>'],
    ['iframe in the XHTML namespace', '<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>'],
  ];
  for (const [what, body, attrs] of attacks) {
    it(`removes ${what}`, () => {
      const r = clean(body, attrs);
      expect(r.text).not.toMatch(/steal|evil\.example|<script|foreignObject|onload|onclick|iframe/i);
      expect(r.changed).toBe(true);
    });
  }

  it('keeps what draws: shapes, gradients, local references, text, titles, data: images', () => {
    const body = '<title>Logo</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><text x="1" y="2">Hi</text><image href="data:image/png;base64,AAAA" width="1" height="1"/>';
    const r = clean(body, ' viewBox="0 0 10 10"');
    expect(r.changed).toBe(false);
    for (const kept of ['viewBox="0 0 10 10"', '<title>Logo</title>', '<linearGradient id="g">', 'fill="url(#g)"', '<use href="#g"/>', '>Hi</text>', 'data:image/png;base64,AAAA']) expect(r.text).toContain(kept);
  });

  it('refuses what is not an SVG document', () => {
    expect(sanitizeSvg(new TextEncoder().encode('<html><script>steal()</script></html>'), 'x.svg').bytes).toBeUndefined();
    expect(sanitizeSvg(new TextEncoder().encode('not xml'), 'x.svg').bytes).toBeUndefined();
  });
});
