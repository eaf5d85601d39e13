// The record types are the contract between stages:
// read -> RawDocument -> repair -> RepairedDocument -> extract -> ProjectDraft[]
// -> normalize -> ProjectRecord[] -> store -> query -> output.

export type SourceFormat = 'html' | 'pdf' | 'text';

/**
 * The kinds of page iom reads: one per reader of the registry (src/extract/readers.ts). The
 * four specific layouts iom started from, and 'project-page', read by the general reader: any page
 * that describes projects (a donor's project page, a listing, a news item, an article).
 */
export type PageKind =
  | 'iom-project-sheet' // one project per page, label/value fields (country site, FR or EN)
  | 'iom-activity-sheet' // "Fiche d'activités OIM Maroc": many projects, each ending with "Fonds :"
  | 'iom-news' // a news item naming projects and their funders
  | 'ngo-article' // an NGO page describing projects (CARE Maroc)
  | 'project-page'; // any other page that states projects (general reader)

/** A file as read from disk, before any repair. */
export interface RawDocument {
  path: string;
  format: SourceFormat;
  /** Text with one block (paragraph, heading, list item, label, value) per line. */
  text: string;
  /** The HTML source, for HTML documents. */
  html?: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
  bytes: number;
  /** Number of pages, for PDFs. */
  pages?: number;
  warnings: string[];
  /** For HTML: headline candidates, dates and tables the markup gives. */
  meta?: PageMeta;
  /** For a PDF some of whose pages were read by OCR (scanned pages). */
  ocr?: OcrInfo;
}

/** What an HTML page's markup says beyond its text, for the readers. */
export interface PageMeta {
  /** The first <h1>. */
  h1?: string;
  /** <meta property="og:title">. */
  ogTitle?: string;
  /** <title>, with the site's name still in it. */
  title?: string;
  /** <meta property="og:site_name">. */
  siteName?: string;
  /** <meta property="article:published_time">: when the page was published, never a project date. */
  published?: string;
  /** <html lang>, two letters. */
  lang?: string;
  /** The <h1>–<h4> headings in page order. */
  headings?: Array<{ level: number; text: string }>;
  /** Each <time datetime="…">: the text shown and the machine-readable date. */
  times?: Array<{ text: string; datetime: string }>;
  /** Each <table>: its rows, each a list of cell texts. */
  tables?: string[][][];
}

/** What OCR read in a document. */
export interface OcrInfo {
  /** 1-based numbers of the pages whose text comes from OCR. */
  pages: number[];
  /** Mean confidence of the words read, 0..100 (Tesseract's scale). */
  confidence: number;
  words: number;
}

/** One change made by the repair stage. */
export interface RepairChange {
  /** 1-based line in the repaired text (the output of repairText). */
  line: number;
  before: string;
  after: string;
  /** Name of the fix that made the change, e.g. "restoreLigatures", "joinHyphenatedLines". */
  rule: string;
  /** 0..1 */
  confidence: number;
}

export interface RepairResult {
  text: string;
  changes: RepairChange[];
  /** Words that look damaged but were left alone because no repair was sure enough. */
  unresolved: string[];
  /** Character sequences the document is inferred to have lost, e.g. ["ti", "tt"]. */
  lostSequences: string[];
}

export interface RepairedDocument extends RawDocument {
  /** The raw text before repair. */
  rawText: string;
  repair: RepairResult;
}

/** A field as extracted, before normalization: the text exactly as the source wrote it. */
export interface ProjectDraft {
  kind: PageKind;
  /** Position of this project in its document (0-based), to keep ids stable and order readable. */
  index: number;
  title: string;
  acronym?: string;
  /** Section of the activity sheet ("Migration et développement", ...). */
  section?: string;
  /** As written: "Février 2014 – Février 2018", "2020", "Oc-tobre 2013 - Avril 2016" (after repair). */
  period?: string;
  start?: string;
  end?: string;
  status?: string;
  type?: string;
  /** As written, e.g. "300000.00"; budgetLabel is the label it came under, e.g. "Budget Amount (USD)". */
  budget?: string;
  budgetLabel?: string;
  coverage?: string;
  year?: string;
  idfRegion?: string;
  primaId?: string;
  projectId?: string;
  /** Beneficiary member states as listed, one string per country when it can be split. */
  memberStates?: string[];
  /** Donor names as written ("UE & Suisse" is given as written: normalization splits it). */
  donors?: string[];
  /** The "Fonds :" line or the sentence that names the funder. */
  donorsText?: string;
  partners?: string[];
  /** Who carries the project out, as written ("CARE International Maroc", "Enabel"). */
  implementers?: string[];
  /** Dates of the activity a news item reports, as written ("15-17 février 2022"). */
  activityDates?: string[];
  /** Beneficiary / participant counts with their sentence, as written. */
  beneficiaryText?: string[];
  /** Places named for the project (cities, regions, countries) as written. */
  places?: string[];
  /** Values of a country field ("Ghana, Côte d'Ivoire, Togo", "Lac Province …, Chad"), as written. */
  countriesText?: string[];
  /** The site's names ("IOM Mexico", "OIM Mali"), which may say the country it covers. */
  siteCountries?: string;
  /** Headings of a listing page that may name the country of all its projects ("Mauritanie"). */
  pageCountries?: string;
  /** The page's content (headline to footer), for where a page's projects run when theirs names no place. */
  pageText?: string;
  /** The line or sentence each field was read from, by field name. */
  evidence?: Record<string, string>;
  summary?: string;
  /** Text of the whole project block, for text search and for finding places, dates, counts. */
  text: string;
  /** 1-based, inclusive line range of the block in the repaired text. */
  lines: { from: number; to: number };
}

export type Status = 'planned' | 'ongoing' | 'completed' | 'suspended' | 'cancelled';

export type DonorKind = 'government' | 'multilateral' | 'agency' | 'private' | 'iom-fund' | 'unknown';

export interface DonorRef {
  /** Canonical code from the registry ("EU", "CH", "US-USAID"), or null for an unknown funder. */
  code: string | null;
  /** Canonical name, or the raw text for an unknown funder. */
  name: string;
  kind: DonorKind;
  /** For an agency: the code of the government it belongs to. */
  parent?: string | null;
  /** As written in the source. */
  raw: string;
  known: boolean;
}

export interface CountryRef {
  code: string; // ISO 3166-1 alpha-2
  name: string; // French name
  raw?: string;
}

export interface PlaceRef {
  name: string; // canonical name, e.g. "Tétouan"
  country: string | null; // ISO alpha-2
  kind: 'city' | 'region' | 'province' | 'country';
  raw?: string;
}

export interface Beneficiaries {
  count: number;
  /** What is counted: "participants", "bénéficiaires", "personnes migrantes", "femmes". */
  what: string;
  qualifier?: 'at-least' | 'about' | 'exactly';
  sentence: string;
}

export interface Money {
  amount: number;
  currency: string; // ISO 4217
  raw: string;
}

export interface ProjectRecord {
  /** Stable id: derived from the source path and the project's position and title. */
  id: string;
  kind: PageKind;
  title: string;
  acronym: string | null;
  section: string | null;
  status: Status | null;
  /** IATI ActivityStatus code (1..6) */
  statusCode: number | null;
  /** True when the status comes from the dates, not from a field of the page. */
  statusDerived: boolean;
  type: string | null;
  /** ISO 8601 at the precision given: "2014", "2014-02", "2022-02-15". */
  start: string | null;
  end: string | null;
  /** True when the source says the project has no end ("depuis 2005"). */
  endOpen: boolean;
  /** For news items: the period of the activity reported (ISO 8601), which is not the project's own period. */
  activityStart: string | null;
  activityEnd: string | null;
  budget: Money | null;
  budgetUsd: number | null;
  coverage: string | null;
  year: number | null;
  idfRegion: string | null;
  primaId: string | null;
  projectId: string | null;
  countries: CountryRef[];
  donors: DonorRef[];
  partners: string[];
  implementers: string[];
  places: PlaceRef[];
  beneficiaries: Beneficiaries[];
  summary: string | null;
  /** Each field as the source wrote it (after repair), for provenance. */
  raw: Record<string, string | string[]>;
  /** Repairs made to this project's text. */
  repairs: number;
  /** Full text of the project block (repaired). */
  text: string;
}

export interface SourceInfo {
  path: string;
  format: SourceFormat;
  kind: PageKind;
  hash: string;
  bytes: number;
}
