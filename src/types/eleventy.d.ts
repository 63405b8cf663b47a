// Eleventy 3 ships no type declarations; this covers the programmatic API Vitrine uses.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    config?: (cfg: never) => void | Promise<void>;
  }
  interface EleventyPage {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    toJSON(): Promise<EleventyPage[]>;
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
