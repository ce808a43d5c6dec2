export declare const PRECOMPILED: string;
export declare function precompilePack(messages: Record<string, string>): Record<string, string>;
