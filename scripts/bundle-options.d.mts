/** See ./bundle-options.mjs. */
export declare const REQUIRE_SHIM: string;
export declare const PDF_EXTERNALS: readonly string[];
export declare const OCR_EXTERNALS: readonly string[];
