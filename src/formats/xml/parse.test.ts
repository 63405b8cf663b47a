import { describe, expect, it } from 'vitest';
import { parseXmlText } from './parse.ts';

describe('parseXmlText: entities and character references', () => {
  const text = (xml: string) => {
    const r = parseXmlText(xml, 'f.xml');
    const c = r.root!.children[0];
    return c?.type === 'text' ? c.text : undefined;
  };

  it('decodes character references in text and attributes (Mahara writes &#039;)', () => {
    expect(text('<a>Hans Muster&#039;s Blog &#x263A;</a>')).toBe("Hans Muster's Blog \u263A");
    expect(parseXmlText('<a t="&#039;x&#x41;&amp;"/>', 'f.xml').root!.attrs[0]!.value).toBe("'xA&");
  });

  it('decodes once: an escaped ampersand before a reference stays a reference in the text', () => {
    expect(text('<a>&amp;#039; &amp;amp;</a>')).toBe('&#039; &amp;');
  });

  it('leaves references to characters XML does not allow as written', () => {
    expect(text('<a>&#0;&#x110000;</a>')).toBe('&#0;&#x110000;');
  });

  it('keeps the namespace declarations an element makes', () => {
    const r = parseXmlText('<a xmlns="urn:a" xmlns:p="urn:p"><b/></a>', 'f.xml');
    expect(r.root!.declares).toEqual({ '': 'urn:a', p: 'urn:p' });
    expect((r.root!.children[0] as { declares?: unknown }).declares).toBeUndefined();
  });
});
