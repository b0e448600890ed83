/** See ./bundle-options.mjs. */
export declare const REQUIRE_SHIM: string;
export declare const PDF_EXTERNALS: readonly string[];
