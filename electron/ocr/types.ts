/** A rectangle in page pixels (the page image as stored for review). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OcrWord {
  text: string;
  /** 0-100; 100 for words from a PDF's text layer. */
  confidence: number;
  box: Box;
  /** Line index within the page, for reading order. */
  line: number;
}

export interface OcrPage {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  /** Where the words came from. */
  source: 'ocr' | 'text-layer';
  /** Degrees the page was turned before recognition (deskew and orientation). */
  rotation: number;
  confidence: number;
  text: string;
  words: OcrWord[];
  /** The page as recognized (deskewed), PNG, for the review pane; absent for text-layer pages of a PDF. */
  image?: Buffer;
  /** What the clinician must know about how the document was read (e.g. only page 1 of a fax TIFF): shown with the document, never dropped. */
  notice?: string;
}

export interface OcrProgress {
  page: number;
  pages: number;
  /** 0-1 for this page. */
  progress: number;
  status: string;
}

export interface OcrOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
  /** Most pages accepted; more is refused before any work (default 200). */
  maxPages?: number;
}

export type OcrMediaType = 'image/png' | 'image/jpeg' | 'image/tiff' | 'application/pdf';
