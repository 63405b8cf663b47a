import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/index.ts';
import { makeFile } from '../model/files.ts';
import type { Part, PortfolioFile } from '../model/types.ts';
import type { ViewPlan } from '../views/types.ts';
import type { AudienceProfile } from '../audience/types.ts';
import { buildViewData } from './page-data.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function part(id: string, files: string[], short?: string): Part {
  return {
    id, kind: 'product', slug: id, dates: [], rationale: [], tags: [], files, extensions: [], origin: { file: `parts/${id}.xml`, line: 4, column: 2 },
    description: { ...(short ? { short: { value: short } } : {}), full: files.filter((f) => !/\.(vtt|txt|html)$/.test(f) && !/-sign\./.test(f)).map((file) => ({ carrier: 'uri' as const, file })) },
  };
}

function plan(parts: Part[], files: PortfolioFile[], profile?: AudienceProfile): ViewPlan {
  return { id: 'v', folder: 'v', title: 'V', lang: 'en', access: 'public', noindex: false, preview: false, parts, relations: [], files, personalData: [], package: false, theme: {}, ...(profile ? { profile } : {}) };
}

const needsAll: AudienceProfile = { name: 'all', display: {}, content: { altText: true, longDescription: true, captions: true, transcript: true, signLanguage: true, languages: ['fr'] }, control: {} };

function files(): PortfolioFile[] {
  const video = { ...makeFile('talk.mp4', enc('v')), mediaType: 'video/mp4' };
  video.about = {
    captions: [{ path: 'talk.en.vtt', lang: 'en' }, { path: 'talk.fr.vtt', lang: 'fr', label: 'Français' }],
    transcript: 'talk-words.html',
    longDescription: 'talk-desc.txt',
    signLanguage: 'talk-sign.mp4',
  };
  const photo = { ...makeFile('photo.jpg', enc('j')), mediaType: 'image/jpeg' };
  return [video, makeFile('talk.en.vtt', enc('WEBVTT')), makeFile('talk.fr.vtt', enc('WEBVTT')), makeFile('talk-words.html', enc('<p>Hello <script>x()</script>all</p>')), makeFile('talk-desc.txt', enc('A person speaks.')), { ...makeFile('talk-sign.mp4', enc('s')), mediaType: 'video/mp4' }, photo];
}

const IMAGES = new Map([['photo.jpg', { width: 10, height: 10, variants: [{ format: 'jpeg', width: 10, height: 10, mediaType: 'image/jpeg', fileName: 'photo-10.jpg' }] }]]);

describe('media alternatives chosen for the audience', () => {
  it('without a profile: links to every alternative, first captions track default, nothing reported', () => {
    const bag = new DiagnosticBag();
    const p = part('talk', ['talk.mp4', 'talk.en.vtt', 'talk.fr.vtt', 'talk-words.html', 'talk-desc.txt', 'talk-sign.mp4']);
    const v = buildViewData({ plan: plan([p], files()), messages: {}, images: new Map(), css: '', bag });
    const m = v.parts[0]!.media[0]!;
    expect(m.tracks?.map((t) => [t.lang, t.default ?? false])).toEqual([['en', true], ['fr', false]]);
    expect(m.transcript).toEqual({ href: 'files/talk-words.html', name: 'transcript' });
    expect(m.longDescription).toMatchObject({ expanded: false });
    expect(m.signLanguage).toMatchObject({ href: 'files/talk-sign.mp4', shown: false });
    expect(bag.items).toEqual([]);
  });

  it('with a profile: the preferred language default, transcript inline and sanitized, description expanded, sign language shown', () => {
    const bag = new DiagnosticBag();
    const p = part('talk', ['talk.mp4', 'talk.en.vtt', 'talk.fr.vtt', 'talk-words.html', 'talk-desc.txt', 'talk-sign.mp4']);
    const v = buildViewData({ plan: plan([p], files(), needsAll), messages: {}, images: new Map(), css: '', bag });
    const m = v.parts[0]!.media[0]!;
    expect(m.tracks?.map((t) => [t.lang, t.default ?? false])).toEqual([['en', false], ['fr', true]]);
    expect(m.tracks?.[1]?.label).toBe('Français');
    expect(m.transcript?.inline?.html).toBe('<p>Hello all</p>');
    expect(m.longDescription).toMatchObject({ expanded: true, text: 'A person speaks.' });
    expect(m.signLanguage?.shown).toBe(true);
    expect(bag.items).toEqual([]);
  });

  it('never uses a file name as alt text, and reports each alternative the audience lacks', () => {
    const bag = new DiagnosticBag();
    const named = part('shot', ['photo.jpg'], 'photo.jpg');
    const bare = { ...makeFile('clip.mp4', enc('c')), mediaType: 'video/mp4' };
    const clip = part('clip', ['clip.mp4']);
    const v = buildViewData({ plan: plan([named, clip], [...files(), bare], needsAll), messages: {}, images: IMAGES, css: '', bag });
    expect(v.parts[0]!.media[0]!.alt).toBe('');
    expect(new Set(bag.items.map((d) => d.code))).toEqual(new Set(['AlternativeMissing']));
    expect(bag.items[0]!.location).toEqual({ file: 'parts/shot.xml', line: 4, column: 2 });
    const said = bag.items.map((d) => `${d.code} ${d.location?.file}:${d.location?.line} ${d.message}`);
    expect(said).toEqual([
      expect.stringMatching(/^AlternativeMissing parts\/shot\.xml:4 photo\.jpg \(part shot\) has no text alternative/),
      expect.stringMatching(/^AlternativeMissing parts\/shot\.xml:4 photo\.jpg .* no long description/),
      expect.stringMatching(/^AlternativeMissing parts\/clip\.xml:4 clip\.mp4 .* no captions track/),
      expect.stringMatching(/no transcript/),
      expect.stringMatching(/no sign-language version/),
      expect.stringMatching(/clip\.mp4 .* no long description/),
    ]);
    // The owner's own alt text wins over the part's description.
    const own = files();
    own[6]!.about = { alt: { value: 'A red poster' } };
    const w = buildViewData({ plan: plan([part('shot', ['photo.jpg'], 'Shot')], own), messages: {}, images: IMAGES, css: '' });
    expect(w.parts[0]!.media[0]!.alt).toBe('A red poster');
    // An alt text that is only the file name falls back to the part's description.
    own[6]!.about = { alt: { value: 'photo.jpg' } };
    const x = buildViewData({ plan: plan([part('shot', ['photo.jpg'], 'Shot')], own), messages: {}, images: IMAGES, css: '' });
    expect(x.parts[0]!.media[0]!.alt).toBe('Shot');
    own[6]!.about = { alt: { value: '' } };
    const y = buildViewData({ plan: plan([part('shot', ['photo.jpg'], 'Shot')], own), messages: {}, images: IMAGES, css: '' });
    expect(y.parts[0]!.media[0]!.alt).toBe('');
  });
});
