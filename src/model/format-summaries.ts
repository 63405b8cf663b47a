/**
 * Each format's name and whether Vitrine writes it, light enough for `vitrine --help` and the
 * CLI's checks: the adapters in registry.ts load every format's code (XML parsers, sanitizers),
 * which a start-up should not pay for. test/architecture/formats-doc.test.ts keeps this list
 * equal to the registry.
 */
export const FORMAT_SUMMARIES: readonly { id: string; title: string; writes: boolean }[] = [
  { id: 'authored', title: 'authored folder (portfolio.yaml and Markdown parts with YAML front matter)', writes: true },
  { id: 'leap2a', title: 'Leap2A export (Atom feed with Leap2A terms: Mahara, Moodle, PebblePad)', writes: true },
  { id: 'jsonresume', title: 'JSON Resume (resume.json)', writes: true },
  { id: 'ims', title: 'IMS ePortfolio 1.0 package (imsmanifest.xml and IMS LIP part files)', writes: true },
  { id: 'lip', title: 'IMS LIP part files without a manifest (a folder of part files, or one part file)', writes: false },
];

/** The ids of the formats `vitrine pack --format` writes. */
export const WRITABLE_FORMAT_IDS: readonly string[] = FORMAT_SUMMARIES.filter((f) => f.writes).map((f) => f.id);
