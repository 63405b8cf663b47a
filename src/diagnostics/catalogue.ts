/**
 * The catalogue of diagnostic codes. Codes are permanent: users search for them, scripts
 * match on them, and tests assert them. Add new codes; never rename or reuse one.
 */

/** How bad a diagnostic is: an error makes the build untrustworthy (exit 1). */
export type Severity = 'error' | 'warning' | 'info';

/** One catalogue entry: default severity, a short title and a hint on what to do. */
export interface CatalogueEntry {
  severity: Severity;
  title: string;
  hint?: string;
}

/** Every code Vitrine can report, with its default severity and hint. */
export const catalogue = {
  // reading the input
  InputNotFound: { severity: 'error', title: 'Input not found', hint: 'Check the path; the default input is content/.' },
  InputUnreadable: { severity: 'error', title: 'Input could not be read' },
  InputKindUnknown: { severity: 'error', title: 'Input is not a portfolio', hint: 'Give an IMS package (.zip or folder with imsmanifest.xml), a folder of IMS LIP/ePortfolio XML files or one such file, a Leap2A export (.zip, folder or leap2a.xml), or an authored folder with portfolio.yaml.' },
  ZipInvalid: { severity: 'error', title: 'Not a readable zip archive' },
  ZipEntryOutsideRoot: { severity: 'error', title: 'Zip entry name leaves the package', hint: 'The package is refused: an entry named with ../, an absolute path or a drive letter could overwrite files elsewhere.' },
  ZipEntrySymlink: { severity: 'error', title: 'Zip entry is a symbolic link', hint: 'Symbolic links inside packages are refused.' },
  ZipTooManyEntries: { severity: 'error', title: 'Zip has too many entries' },
  ZipTooLarge: { severity: 'error', title: 'Zip expands beyond the size limit' },
  ZipCompressionRatio: { severity: 'error', title: 'Zip entry is compressed suspiciously well (zip bomb?)' },
  ZipEntryCorrupt: { severity: 'error', title: 'Zip entry is corrupt or lies about its size' },
  ZipEntryUnsupported: { severity: 'error', title: 'Zip entry is encrypted or uses an unsupported compression method', hint: 'Re-create the package with plain deflate compression and no password.' },
  InputTooLarge: { severity: 'error', title: 'A file of the input is larger than the read limit; it was skipped' },
  ZipDuplicateEntry: { severity: 'warning', title: 'Zip holds the same name twice; the first is used' },
  FolderEntrySymlink: { severity: 'warning', title: 'Symbolic link in the input folder ignored' },
  // XML
  XmlMalformed: { severity: 'error', title: 'XML is not well-formed' },
  XmlEntityDeclared: { severity: 'error', title: 'XML declares entities', hint: 'Entity declarations (DOCTYPE internal subsets) are refused: they enable entity-expansion and external-file attacks.' },
  XmlEncodingInvalid: { severity: 'error', title: 'Bytes are not valid in the declared encoding', hint: 'Save the file as UTF-8, or declare the encoding it really uses.' },
  XmlEncodingUnsupported: { severity: 'error', title: 'Unsupported character encoding', hint: 'Supported: UTF-8, UTF-16, ISO-8859-1, Windows-1252, US-ASCII.' },
  XmlUnexpectedRoot: { severity: 'warning', title: 'XML root element is not a portfolio part; file skipped' },
  XmlValueInvalid: { severity: 'warning', title: 'Value does not have the expected form' },
  XmlMissingRequired: { severity: 'warning', title: 'A required element is missing' },
  // IMS package
  ManifestNotFound: { severity: 'error', title: 'No imsmanifest.xml in the package' },
  ZipWithoutManifest: { severity: 'info', title: 'A zip without imsmanifest.xml or Leap2A feed: read as loose part files', hint: 'Without its manifest the package has no order, titles or organisations; if this zip was meant to be an IMS package, its imsmanifest.xml is missing (or not at the root).' },
  ManifestNamespace: { severity: 'warning', title: 'Manifest is not in the IMS ePortfolio namespace', hint: 'Expected http://www.imsglobal.org/xsd/imsportfoliocp_v1p0; read anyway.' },
  ResourceTypeUnknown: { severity: 'warning', title: 'Resource type not recognised; dispatched on the file root element' },
  ResourceFileMissing: { severity: 'warning', title: 'A file named by the package is missing' },
  FileOutsideManifestFolder: { severity: 'warning', title: 'A file lies outside the folder of the manifest and is not part of the package', hint: 'Move it inside the package folder if it belongs to the portfolio.' },
  ResourceRefMissing: { severity: 'warning', title: 'An organization item names a resource that does not exist' },
  HrefOutsidePackage: { severity: 'warning', title: 'Reference leaves the package; ignored', hint: 'Only paths inside the package are followed.' },
  MediaBase64Invalid: { severity: 'warning', title: 'Inline Base-64 media could not be decoded; kept as text' },
  MimeTypeSuspicious: { severity: 'warning', title: 'Media type is not a valid MIME type; guessed from the file name' },
  // model
  DuplicatePartId: { severity: 'warning', title: 'Two parts share an id; the later one was renamed' },
  RelationTargetMissing: { severity: 'warning', title: 'Relation names a part that does not exist; kept as written' },
  RelationTypeUnknown: { severity: 'info', title: 'Relation type is not in the IMS vocabulary; kept as written' },
  HtmlSanitized: { severity: 'info', title: 'Unsafe HTML removed from a description' },
  // images
  ImageTooLarge: { severity: 'warning', title: 'Image has more pixels than the limit; not published', hint: 'Scale the image down before adding it to the portfolio, or raise the image pixel limit if you trust the file.' },
  ImageUnreadable: { severity: 'warning', title: 'Image is corrupt or not in a supported format; not published', hint: 'Re-save it as JPEG, PNG, WebP, GIF, AVIF or TIFF.' },
  ImageCacheUnwritable: { severity: 'warning', title: 'Image cache could not be written; the next build will process images again', hint: 'Check that the cache folder is writable, or delete it.' },
  ExportFieldDropped: { severity: 'warning', title: 'A field has no place in the export format and was left out', hint: 'The model keeps it; check docs/ims-mapping.md for what each format can carry.' },
  // views and their configuration
  ConfigNotFound: { severity: 'error', title: 'Config file not found', hint: 'Check the path given to --config; without --config, vitrine.config.yaml is looked for inside the input folder or beside the input file.' },
  ConfigInvalid: { severity: 'error', title: 'Config file is invalid', hint: 'The build stops: a view built from a broken config could publish the wrong parts. docs/views.md lists every field; docs/schema/vitrine.config.schema.json lets an editor check the file as you type.' },
  ConfigAmbiguous: { severity: 'warning', title: 'More than one config file; the first found is used', hint: 'Keep only one of vitrine.config.yaml, vitrine.config.yml and vitrine.config.json.' },
  ConfigOverridden: { severity: 'info', title: 'Views of the config file replace the views of the portfolio', hint: 'Remove one of the two lists to silence this.' },
  ViewIdDuplicate: { severity: 'error', title: 'Two views share an id', hint: 'A view id names its folder; give each view its own id.' },
  ViewPartNotFound: { severity: 'warning', title: 'A view selects a part id that does not exist', hint: 'Use a part id as the source gave it (indexid or sourcedid id) or its slug.' },
  ViewSelectsNothing: { severity: 'warning', title: 'A selection matches no part', hint: 'ids compare exactly; kind is one of the part kinds; tag and status compare case-insensitively. Fix the entry or remove it.' },
  ViewAccessNotEnforced: { severity: 'warning', title: 'This access level cannot be enforced on this path; the view is left out', hint: 'Protected views are encrypted by `vitrine build` only; the Eleventy path leaves them out rather than publish them in clear.' },
  PreviewOnly: { severity: 'info', title: 'No view configured: building a preview of the whole portfolio', hint: 'Create vitrine.config.yaml with a views: list to choose what each audience sees (docs/views.md). The preview is marked noindex but is not private.' },
  ExportIdRewritten: { severity: 'info', title: 'An id was rewritten to be a valid XML identifier in the export' },
  // command line
  AccessLowered: { severity: 'warning', title: 'A protected view is now unlisted or public: its folder token was replaced', hint: 'The old link was sent with a passphrase; it must not open the view without one. Send the new link; the old folder disappears with the next upload.' },
  OutputOverlapsInput: { severity: 'error', title: 'The output folder is, or contains, the input', hint: 'Choose another --out: building would replace the portfolio itself.' },
  OutputNotASite: { severity: 'error', title: 'The output folder holds other files and is not replaced', hint: 'Vitrine replaces only an empty folder or a site it built (marked by a .vitrine-site file).' },
  TemplateInvalid: { severity: 'error', title: 'A template could not be rendered', hint: 'Check the template named in the message (your --templates folder or a view\'s theme.templates override the defaults file by file).' },
  ViewNotFound: { severity: 'error', title: 'No such view', hint: 'Use an id from the views in the configuration, or leave --view out to build all.' },
  OutputLocked: { severity: 'error', title: 'Another build is still writing to the output folder', hint: 'Builds into one folder take turns (a lock file beside it, .<folder>.lock). Wait for the other build to end; a lock left by a killed build expires by itself within 30 seconds.' },
  OutputNotWritable: { severity: 'error', title: 'Output could not be written' },
  InternalError: { severity: 'error', title: 'Internal error (a bug in Vitrine)', hint: 'Please report it with the output of --debug.' },
  // access: unlisted and protected views, secrets
  SecretsInvalid: { severity: 'error', title: 'The secrets file is broken; it is left as it is', hint: 'Fix the JSON by hand (docs/access.md shows its form), or move it away: a new file gives unlisted and protected views new folders, so the links already sent stop working.' },
  SecretsUnwritable: { severity: 'error', title: 'The secrets file could not be written; nothing was built', hint: 'Check that the folder is writable, or name another file with --secrets. Without it, folder tokens and generated passphrases would be lost.' },
  SecretsInInput: { severity: 'info', title: 'A secrets file inside the input is left out of the portfolio', hint: 'It never reaches a site or a package. Keeping it outside the input folder (or under its default dot-file name) avoids the note.' },
  PassphraseEnvUnset: { severity: 'info', title: 'The passphrase variable of a protected view is not set; its generated passphrase is used', hint: 'Set the variable named by passphraseEnv to choose the passphrase; until then the passphrase kept in the secrets file opens the view.' },
  RotateUnknownView: { severity: 'error', title: '--rotate names no unlisted or protected view', hint: 'Only unlisted and protected views have a folder token to rotate.' },
  // audience accessibility profiles
  ProfilePreferenceUnmapped: { severity: 'warning', title: 'An accessibility preference of the portfolio cannot shape the view', hint: 'It stays in the portfolio and in every export; docs/accessibility-profiles.md lists what a static page can honour. Write the profile in the config to say exactly what the audience needs.' },
  ProfilePreferenceApproximate: { severity: 'warning', title: 'An accessibility preference was mapped to the nearest thing a page can do', hint: 'Check the view looks right for its audience, or write the profile in the config (docs/accessibility-profiles.md).' },
  ProfileNotInPortfolio: { severity: 'warning', title: 'A view asks for the portfolio\'s own profile, but the portfolio has none a page can use', hint: 'Add an accessibility part with preferences, or name a profile from profiles: in the config.' },
  ProfileContrastLow: { severity: 'warning', title: 'Profile colours do not contrast enough; safer colours are used', hint: 'Text needs 4.5:1 against its background (7:1 for a high-contrast profile; 3:1 for focus outlines). Choose darker or lighter colours.' },
  AlternativeMissing: { severity: 'warning', title: 'The view\'s audience needs an alternative this file lacks', hint: 'Add the alternative (alt text, captions track, transcript, long description or sign-language video) to the file\'s description in the portfolio.' },
  // authored format
  AuthoredYamlInvalid: { severity: 'error', title: 'YAML of an authored portfolio is not valid', hint: 'Check the indentation and the quotes at the place shown; docs/authored-format.md shows every field.' },
  AuthoredKindUnknown: { severity: 'error', title: 'Part kind missing or unknown', hint: 'kind is one of: identification, activity, affiliation, assertion, reflexion, competency, goal, interest, participation, product, qcl, rubric, securitykey, transcript, accessibility.' },
  AuthoredFieldUnknown: { severity: 'error', title: 'Unknown field in front matter or portfolio.yaml', hint: 'A misspelt field would silently drop what it holds; fix or remove it (docs/authored-format.md lists every field).' },
  AuthoredValueInvalid: { severity: 'error', title: 'Field has the wrong kind of value', hint: 'docs/schema/authored-part.schema.json lets an editor check front matter as you type.' },
  AuthoredDateInvalid: { severity: 'error', title: 'Not a date', hint: 'Write dates as ISO 8601: 2024-05-14, 2024-05, 2024, or 2024-05-14T14:00:00+02:00.' },
  AuthoredDuplicateId: { severity: 'error', title: 'Two parts or relations share an id', hint: 'Ids default to the file name; give one of them another id: field.' },
  AuthoredRelationTargetMissing: { severity: 'warning', title: 'Relation names an id that no part or relation has; kept as written', hint: 'The site leaves the link out. Use a part id (its id: field, or its file name without .md).' },
  AuthoredFileMissing: { severity: 'error', title: 'Attachment not found', hint: 'Paths are relative to the Markdown file, or to the portfolio\'s files/ folder.' },
  // Leap2A
  Leap2aNotAFeed: { severity: 'error', title: 'The Leap2A file is not an Atom feed', hint: 'A Leap2A export is an Atom <feed> (namespace http://www.w3.org/2005/Atom) in leap2a.xml, leap.xml or leap2.xml.' },
  Leap2aEntryIdMissing: { severity: 'warning', title: 'A Leap2A entry has no <id>; one was made from its position', hint: 'Links to the entry cannot reach it; give it an <id>.' },
  Leap2aFileMissing: { severity: 'warning', title: 'A file named by the Leap2A export is not in it', hint: 'The entry is kept without the file; add the file to the zip or folder at the path the link names.' },
  Leap2aTypeUnknown: { severity: 'info', title: 'Leap2A entry type not known; kept as a product with its type', hint: 'docs/leap2a-mapping.md lists the types Vitrine maps.' },
  MaharaBlockOmitted: { severity: 'info', title: 'Mahara blocks with nothing of the owner\'s to publish were left out of a page', hint: 'Inboxes, page and group lists, placeholders and comment blocks hold other people\'s data or the Mahara site\'s own lists; docs/mahara-pages.md lists them.' },
  MaharaSystemPageHidden: { severity: 'info', title: 'A Mahara system page (dashboard, profile, group or institution page) is not published by default', hint: 'Select it by id in a view of vitrine.config.yaml to publish it (blocks holding other people\'s data stay out).' },
  Leap2aLayoutInvalid: { severity: 'warning', title: 'A Mahara page layout could not be read; the page keeps the order of its links' },
  // XSL views
  XslNotFound: { severity: 'warning', title: 'The stylesheet of an XSL view could not be read; the theme renders the view', hint: 'The xsl: path of a view is relative to the config file (docs/xsl-views.md). A copy of the portfolio folder alone leaves the stylesheets behind.' },
  XslCompileFailed: { severity: 'error', title: 'The stylesheet could not be compiled', hint: 'Fix the XSLT at the line given; saxon-js compiles XSLT 1.0, 2.0 and 3.0.' },
  XslRunFailed: { severity: 'error', title: 'The stylesheet failed while running', hint: 'The message is saxon-js\'s, at the line of the stylesheet that failed.' },
  XslTimeLimit: { severity: 'error', title: 'The stylesheet ran past its time limit and was stopped', hint: 'Look for a template that never ends (recursion without a base case); a view stylesheet has 20 s.' },
  XslMemoryLimit: { severity: 'error', title: 'The stylesheet needed more memory than its limit and was stopped', hint: 'A view stylesheet has 256 MB; look for a sequence or string that keeps growing.' },
  XslAccessRefused: { severity: 'error', title: 'The stylesheet tried to read or write outside what it may', hint: 'Stylesheets read only files inside their own folder (a package\'s: inside the package), write result documents only inside the view folder with a relative href, and cannot call JavaScript or list collections.' },
  XslScriptRefused: { severity: 'error', title: 'A stylesheet calls JavaScript; not run', hint: 'No stylesheet runs JavaScript in a build, your own and OSP templates included: remove the ixsl: and js: (globalJS) calls; they were written for a browser (docs/xsl-views.md).' },
  XslOutputTooLarge: { severity: 'error', title: 'A stylesheet returned more than the output limit; not used', hint: 'The principal result and result documents together may be at most 64 MiB: a loop producing far more is a mistake or an attack.' },
  XslFunctionRefused: { severity: 'error', title: 'A package stylesheet calls a function outside the standard library; not run', hint: 'Package stylesheets may call XPath/XSLT standard functions only: no JavaScript namespace, no function-lookup, transform, xsl:evaluate or environment variables.' },
  XslCacheUnwritable: { severity: 'warning', title: 'A compiled stylesheet could not be cached; the next build compiles it again', hint: 'Check that .vitrine-cache/ is writable, or delete it.' },
  PackageXslSkipped: { severity: 'info', title: 'A package stylesheet was not run', hint: 'Stylesheets that come with a package are code from its author: run them only if you trust it, with vitrine build --allow-package-code (alias --allow-package-xsl).' },
  AttachmentSanitized: { severity: 'info', title: 'An SVG or HTML file of the input was cleaned of script before it was published', hint: 'A browser opening it from the site would run its script on the site\'s origin; the published copy keeps what it shows (docs/access.md, "Trust").' },
  AttachmentPublishedAsText: { severity: 'info', title: 'A file a browser would run as a page is published with .txt added', hint: 'XML, XSLT, MHTML and script files of the input are offered as text: readable, never run on the site.' },
  PackageCssFiltered: { severity: 'info', title: 'Rules of a package\'s CSS that load from another host were removed', hint: 'A package\'s CSS may use files of the site only: @import, and url(), image-set() or src() naming another host, would tell that host who reads the view.' },
  PackageCodeRefused: { severity: 'warning', title: 'The config inside a package names code; it was not run', hint: 'A package (an IMS or Leap2A export, zipped or unpacked) is read as data: its config\'s views and profiles are used, its templates never, its stylesheets only with vitrine build --allow-package-code. Put your own config beside the package, or pass --config (docs/access.md, "Trust").' },
  PackageXslMissing: { severity: 'error', title: 'A view names a package stylesheet that the input does not have', hint: 'xsl: { package: ID } names the identifier of an ims-epView resource in the input package\'s imsmanifest.xml.' },
} as const satisfies Record<string, CatalogueEntry>;

/** A permanent diagnostic code. */
export type DiagnosticCode = keyof typeof catalogue;
