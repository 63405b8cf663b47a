/*
 * The source document of a run, built without parsing: child.cjs hands it the view
 * document's DOM-ready tree (formats/xml/dom-tree.ts). Plain CommonJS, read by the
 * stylesheet process under Node's permission model (child-process.ts grants it).
 */
'use strict';

/**
 * The document saxon-js's parser would make of the text serializeXml writes, built from its
 * DOM-ready tree (formats/xml/dom-tree.ts) with the calls that parser makes, in its order:
 * element, then its attributes (an id's whitespace collapsed, as the parser does), then its
 * children; empty text left out; adjacent text joined.
 */
function documentOf(platform, tree) {
  const doc = platform.createDocument();
  const build = (node, parent) => {
    if (typeof node === 'string') {
      if (node && parent !== doc) parent.appendChild(doc.createTextNode(node));
      return;
    }
    const e = doc.createElementNS(node[1], node[0]);
    parent.appendChild(e);
    const attrs = node[2];
    for (let i = 0; i < attrs.length; i += 3) {
      const a = doc.createAttributeNS(attrs[i + 1], attrs[i]);
      const value = attrs[i] === 'id' || attrs[i] === 'xml:id' ? attrs[i + 2].replace(/\s+/g, ' ').trim() : attrs[i + 2];
      a.value = a.nodeValue = value;
      e.setAttributeNode(a);
    }
    for (let i = 3; i < node.length; i++) build(node[i], e);
  };
  if (!Array.isArray(tree) || typeof tree[0] !== 'string') throw new Error('the source tree has no root element');
  build(tree, doc);
  doc.normalize();
  return doc;
}

/** documentOf bound to saxon-js's platform (whose DOM it builds). */
function documentBuilder(platform) {
  return (tree) => documentOf(platform, tree);
}

module.exports = { documentOf, documentBuilder };
