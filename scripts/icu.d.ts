export declare const PRECOMPILED: string;
export declare function precompilePack(messages: Record<string, string>): Record<string, string>;
export declare const LITERAL: string;
