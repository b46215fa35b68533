/** Types of scripts/build-ui.mjs. */
export declare const UI_DIST_DIR: string;
/** Bundles the web view into dist/ui; resolves to the build time in ms. */
export declare function buildUi(options?: { minify?: boolean }): Promise<number>;
