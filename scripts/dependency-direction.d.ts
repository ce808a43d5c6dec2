export declare const BUILDS_ON: Readonly<Record<string, readonly string[]>>;
export declare const PACKAGES: string[];
export declare function mayImport(name: string): string[];
export declare function mayNotImport(name: string): string[];
