const { checkDocument } = await import('/work/s13/src/diagnostics/schema-check.ts');
const { PART_DOCUMENT } = await import('/work/s13/src/model/authored/check.ts');
const { DiagnosticBag } = await import('/work/s13/src/diagnostics/index.ts');
let t = performance.now(); checkDocument(PART_DOCUMENT, { value: { kind: 'goal' }, at: () => ({ file: 'x' }), keyAt: () => ({ file: 'x' }) }, new DiagnosticBag()); console.log('first part', (performance.now() - t).toFixed(0));
