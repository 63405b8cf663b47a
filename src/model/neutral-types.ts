/**
 * The neutral fields of the model that pages show and formats exchange: texts, the person,
 * facts, qualifications, résumé lines, rubrics and Open Badges. No format owns them: every
 * format's mapping reads and writes them (types.ts re-exports them with the rest of the model).
 */

/** Text with its language (`xml:lang`), when known. */
export interface Text {
  value: string;
  lang?: string;
  /** The same text in other languages (IMS RDCEO `langstring`s after the first); pages pick the reader's. */
  translations?: Text[];
}

/**
 * A person's name, neutral across formats: the formatted name as the owner wants it shown,
 * and its parts where the source gives them (IMS LIP `name/partname`, Leap2A persondata,
 * JSON Resume has only `name`).
 */
export interface PersonName {
  /** The name as shown (IMS `formname`, Leap2A full name, JSON Resume `basics.name`). */
  full?: string;
  given?: string;
  family?: string;
  /** Honorific or prefix (Dr, Mme). */
  prefix?: string;
  suffix?: string;
  /** Middle names, nicknames and other parts, in source order. */
  other?: string[];
  /** `Preferred`, `Legal`, `Alias`, ... as the source said. */
  type?: string;
  lang?: string;
  /** Every part of the name in source order with its type word (`First`, `Last`, `Middle`), when the source split it. */
  parts?: { type?: string; value: string }[];
}

/** One way to reach a person. `web` values are http(s) URLs as written; nothing is linked unless safe. */
export interface Contact {
  kind: 'email' | 'phone' | 'mobile' | 'fax' | 'pager' | 'web' | 'im' | 'other';
  value: string;
  /** `Home`, `Work`, a network name (`Skype`), as the source said. */
  label?: string;
}

/** An identifier of a person in some system (IMS `agent`, a demographic `uid`). */
export interface PersonIdentifier {
  value: string;
  /** `agent` (with the system's name in `domain`) or `uid`. */
  kind: 'agent' | 'uid';
  domain?: string;
}

/** A postal address; `text` is the whole address as one line when the source did not split it. */
export interface Address {
  text?: string;
  /** A street address the source did not split into fields (IMS `nonfieldedstreetaddress`, with its `complex`). */
  unfielded?: string;
  /** The street line: number, prefix, name, type, suffix. */
  street?: string;
  /** Apartment or suite (type, number, suffix). */
  apartment?: string;
  pobox?: string;
  /** State or province (IMS `statepr`). */
  state?: string;
  /** A position `lat, lon` when the source gives one. */
  geo?: string;
  locality?: string;
  city?: string;
  postcode?: string;
  region?: string;
  country?: string;
  /** `Home`, `Work`, ... */
  label?: string;
}

/** A profile on another site (JSON Resume `profiles`, Mahara social profiles). */
export interface WebLink {
  url?: string;
  /** The site or network (`GitHub`, `LinkedIn`). */
  network?: string;
  username?: string;
  label?: string;
}

/**
 * The owner (or another person) as pages and formats need them, on an identification part.
 * Readers fill it from their format; writers read it. Personal data here is what the privacy
 * report lists and what scrubbing removes.
 */
export interface Person {
  /** Names, the one to show first. */
  names: PersonName[];
  /** A headline or job title shown beside the name (JSON Resume `label`, Mahara occupation). */
  headline?: Text;
  /** A short biography (JSON Resume `summary`, Mahara introduction); sanitized HTML. */
  summary?: Text;
  contacts: Contact[];
  addresses: Address[];
  webLinks: WebLink[];
  /** Birth date as written (see `model/dates.ts` for how it is read and shown). */
  birthDate?: string;
  birthPlace?: string;
  /** Gender as a word in the source's language or a code (`M`, `F`, `X`); pages show words. */
  gender?: string;
  /** Package path of the portrait, one of the part's `files`. */
  photo?: string;
  /** Identifiers of the person in other systems. */
  identifiers?: PersonIdentifier[];
}

/**
 * A labelled fact a format carries that no other neutral field holds (an activity's units and
 * evaluation scores, an affiliation's roles, an accessibility preference, a security key), for
 * pages to show. Readers derive facts from their format's record; the record stays the truth
 * for them on export (see docs/architecture.md, "Neutral fields and format records").
 */
export interface Fact {
  /** What the fact is (`units`, `score`, `role`, `preference`...): pages label it `field.<key>` unless `label` is set. */
  key: string;
  /** A vocabulary word (`MinScore`) that labels the fact instead of its key, shown in the reader's language; '' for none. */
  label?: string;
  value: string;
  /** A vocabulary word shown translated before the value (`Visual: ...`). */
  valueTerm?: string;
  /** A vocabulary word qualifying the value (`Preferred`, `Work`). */
  note?: string;
  /** The value is an address a page may link after checking it. */
  link?: 'email' | 'web';
  facts?: Fact[];
  /** Show `facts` inside the value (`mode value, mode value`) instead of as rows. */
  inline?: boolean;
}

/** A qualification's facts (qcl parts; awards and certificates of other formats). */
export interface Qualification {
  awardingBody?: string;
  /** Level as text (`EQF 6`, `Master`), outermost first when nested levels were joined. */
  level?: string;
  /** Date awarded, as written; also in the part's `dates` with type `Award` where the source has it. */
  date?: string;
  registrationNo?: string;
  /** Score or grade (JSON Resume `score`). */
  score?: string;
  /** Language of the level's text, when the source said. */
  lang?: string;
}

/**
 * A résumé line (an activity, affiliation, product, competency... that a CV shows as one item):
 * where, in what role, with which highlights. Dates stay in the part's `dates` (types `Start`
 * and `Finish`), title and description in the part's own fields.
 */
export interface ResumeRecord {
  /** `employment`, `education`, `volunteer`, `award`, `certificate`, `publication`, `project`,
   * `membership`, `skill`, `language`, `interest`, `reference`, `book`, or a format's own word. */
  section: string;
  /** Employer, institution, publisher, issuer. */
  organisation?: string;
  /** Job title, degree type, role. */
  role?: string;
  /** Field of study. */
  area?: string;
  location?: string;
  url?: string;
  highlights?: string[];
  courses?: string[];
  keywords?: string[];
  /** Skill level or language fluency. */
  level?: string;
  /** Grade or score (JSON Resume education `score`). */
  score?: string;
  /** Roles held (JSON Resume project `roles`). */
  roles?: string[];
}

/** A rubric's criteria and levels, neutral (IMS RDCEO rubrics; Mahara SmartEvidence matrices). */
export interface Rubric {
  title?: Text;
  description?: Text;
  dimensions: RubricDimensionModel[];
  outcomes: RubricOutcomeModel[];
}

/** One criterion of a rubric, with its levels and sub-criteria. */
export interface RubricDimensionModel {
  identifier?: string;
  title?: Text;
  description?: Text;
  levels: { identifier?: string; title?: Text; description?: Text; statements: Text[] }[];
  dimensions: RubricDimensionModel[];
}

/** An overall outcome of a rubric and the rules that give it. */
export interface RubricOutcomeModel {
  identifier?: string;
  title?: Text;
  description?: Text;
  rules: { totalScore?: string; criteriaRequired?: string; criteria?: string[]; criteriaText?: Text[]; complex?: boolean }[];
}

/**
 * An Open Badge (2.0 assertion or 3.0 credential) read from a baked image or JSON file
 * (docs/open-badges.md). The badge itself stays in its file, which the part keeps in `files`,
 * so every package writer carries it as issued.
 */
export interface BadgeRecord {
  version: '2.0' | '3.0';
  /** How it was carried: a baked PNG or SVG image, or a JSON file. */
  carrier: 'png' | 'svg' | 'json';
  /** Package path of the file the badge was read from. */
  file: string;
  /** The badge's (achievement's) name; undefined when only a URL names it (never fetched). */
  name?: string;
  description?: string;
  criteria?: { url?: string; narrative?: string };
  /** Package path of the badge image (the baked file itself, when it is an image). */
  image?: string;
  issuer: { id?: string; name?: string; url?: string; email?: string };
  /** Issue and expiry dates as written. */
  issued?: string;
  expires?: string;
  evidence: { url?: string; name?: string; narrative?: string }[];
  alignments: { targetName?: string; targetUrl?: string }[];
  verification: BadgeVerification;
}

/** What was checked of a badge offline, and the outcome: never "verified" without a check. */
export interface BadgeVerification {
  /** `verified`: the signature checked out and nothing failed; `failed`: a check failed; `not-verified`: no signature could be checked. */
  status: 'verified' | 'not-verified' | 'failed';
  checks: BadgeCheck[];
}

/** One check of a badge. */
export interface BadgeCheck {
  check: 'signature' | 'expiry' | 'revocation' | 'recipient';
  result: 'pass' | 'fail' | 'unknown';
  /** Why, in words for the owner and the reader. */
  reason: string;
}

/**
 * What a grouping part is in its source system: `page` (a page shown to others, Mahara's
 * Webpage), `collection` (pages in order, Mahara's collection, a Leap2A Website), `set` (a
 * Leap2A Collection), `resume` (a section of a résumé), `other` (a blog, folder, grouping...).
 */
export type Grouping = 'page' | 'collection' | 'set' | 'resume' | 'other';
